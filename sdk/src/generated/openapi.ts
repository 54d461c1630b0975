/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: packages/contract/openapi.json (itself generated from @sketchreel/contract).
 * Regenerate with `npm run generate` at the repo root.
 */
/* eslint-disable */
// biome-ignore-all lint: generated code
// biome-ignore-all format: generated code

export interface paths {
    "/v1/videos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List videos, newest first (cursor pagination) */
        get: operations["listVideos"];
        put?: never;
        /**
         * Create a video (or return a cached one)
         * @description Answers at once with 202 (queued) or 200 (cache hit). With `Prefer: wait=N` the request is held until the video reaches a terminal state, up to N seconds (at most 60): 201 when it did (`status` says how it ended), else 202.
         */
        post: operations["createVideo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/videos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a video: status, progress and fresh output URLs */
        get: operations["getVideo"];
        put?: never;
        post?: never;
        /** Delete a video and its stored outputs */
        delete: operations["deleteVideo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/videos/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a queued or running video */
        post: operations["cancelVideo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/videos/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: one `VideoEvent` per status or progress change, closed at a terminal state */
        get: operations["streamVideoEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/videos/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Redirect to a short-lived presigned URL of one rendition */
        get: operations["getVideoContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/videos/{id}/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhook messages of a video, each with every attempt and the next one */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/videos/{id}/webhook-deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook message again now (same webhook-id; the automatic schedule is unchanged) */
        post: operations["redeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's webhook signing secret (created on first use; needs videos:write) */
        get: operations["getWebhookSecret"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the webhook secret; the old one keeps signing for a grace period (default 24 h) */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List prompt templates (latest versions) */
        get: operations["listTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one template */
        get: operations["getTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prompts/lint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a prompt against the model's vocabulary and spatial-wording advice */
        post: operations["lintPrompt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the served models and what each can make */
        get: operations["listModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one model: sizes, frame counts, durations, steps, guidance, vocabulary, example prompts */
        get: operations["getModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Limits and today's usage for the calling key's tenant; queue depth */
        get: operations["getUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/embed/{shareId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Responsive HTML player for a shared video (Notion-friendly)
         * @description The video fills the frame at its aspect ratio, whatever the iframe's size. While the video is queued or running the page refreshes itself (`<meta http-equiv="refresh">`, no scripts) until it is done. Framing is allowed to the deployment's `FRAME_ANCESTORS` (Notion by default).
         */
        get: operations["getEmbedPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/embed/{shareId}/video.mp4": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A shared video's MP4 at a stable URL (redirects to a fresh short-lived one)
         * @description For places that keep a video URL for good (a Notion video block, `og:video`): the link never expires while the video exists; each request is redirected to a presigned URL valid for an hour.
         */
        get: operations["getEmbedVideo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/embed/{shareId}/poster.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A shared video's poster image at a stable URL (redirects to a fresh short-lived one)
         * @description For link previews and oEmbed thumbnails, which cache the URL (`og:image`, `thumbnail_url`): the link never expires while the video exists; each request is redirected to a presigned URL valid for an hour.
         */
        get: operations["getEmbedPoster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oembed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** oEmbed (type video) for an embed URL */
        get: operations["getOEmbed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/runners/lease": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Long-poll for the next queued job (FIFO per model) */
        post: operations["leaseJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/jobs/{id}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend the lease, report progress, learn about cancellation */
        post: operations["heartbeatJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/jobs/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish a job with its uploaded outputs (exactly once per job) */
        post: operations["completeJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/jobs/{id}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a failure (retryable ones requeue, max 3 attempts) or hand the job back (`released`, no attempt used) */
        post: operations["failJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an API key (the secret is returned once) */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiKey: {
            /** @example key_8sJd2Lq0Vn4x */
            id: string;
            /** @enum {string} */
            object: "api_key";
            tenant_id: string;
            name: string | null;
            /** @example sr_live_Ab12 */
            prefix: string;
            scopes: components["schemas"]["Scope"][];
            tier: components["schemas"]["KeyTier"];
            /**
             * Format: date-time
             * @example 2026-11-25T14:42:36.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T14:42:36.000Z
             */
            revoked_at: string | null;
        };
        CompleteRequest: {
            /** @example lse_Q1w2E3r4T5y6U7i8 */
            lease_id: string;
            seed: number;
            outputs: {
                variant: components["schemas"]["Variant"];
                key: string;
                bytes: number;
                sha256: string;
                content_type: string;
                width?: number;
                height?: number;
            }[];
            /** @default {} */
            timings_ms: {
                [key: string]: number;
            };
        };
        CreateKeyRequest: {
            tenant_id: string;
            name?: string;
            /**
             * @default [
             *       "videos:read",
             *       "videos:write"
             *     ]
             */
            scopes: components["schemas"]["Scope"][];
            tier?: components["schemas"]["KeyTier"];
            /**
             * @default live
             * @enum {string}
             */
            environment: "live" | "test";
        };
        CreateVideoRequest: {
            /**
             * @description What to show, in plain words; at most 1000 characters.
             * @example A yellow ball rolls from the left edge to the center while a blue cube stays on the right.
             */
            prompt?: string;
            template?: components["schemas"]["TemplateRef"];
            /** @description What to steer away from (classifier-free guidance's unconditional branch). */
            negative_prompt?: string;
            /** @example shape-world-tiny */
            model?: string;
            /** @description Pixels; a multiple of 16; the model may allow fewer sizes. */
            width?: number;
            /** @description Pixels; a multiple of 16; the model may allow fewer sizes. */
            height?: number;
            /** @description Frames in the clip. */
            num_frames?: number;
            /** @description Frames per second of the encoded video. */
            fps?: number;
            /** @description Denoising steps: more is slower and usually cleaner. */
            num_inference_steps?: number;
            /** @description Classifier-free guidance scale; 1 disables the unconditional pass. */
            guidance_scale?: number;
            /** @description Unsigned 32-bit seed. Same model + parameters + seed give identical frames. Omitted: a random seed, recorded on the job. */
            seed?: number;
            /** @enum {string} */
            scheduler?: "unipc" | "euler";
            /** @description Renditions to produce; default mp4, gif, poster. */
            outputs?: components["schemas"]["Variant"][];
            /**
             * Format: uri
             * @example https://example.com/hooks/sketchreel
             */
            webhook_url?: string;
            /** @description Your own key/value pairs, echoed back. */
            metadata?: {
                [key: string]: string;
            };
        };
        CreatedApiKey: components["schemas"]["ApiKey"] & {
            /** @description The secret. Shown once; only its SHA-256 is stored. */
            key: string;
        };
        FailRequest: {
            /** @example lse_Q1w2E3r4T5y6U7i8 */
            lease_id: string;
            code: string;
            message: string;
            retryable: boolean;
            /**
             * @description The runner hands the job back unfinished (graceful shutdown) rather than failing it: the job is requeued and this attempt is not counted. Requires retryable: true.
             * @default false
             */
            released: boolean;
        };
        FieldError: {
            /**
             * @description Dotted path of the offending field.
             * @example width
             */
            field: string;
            /**
             * @description The rule it broke.
             * @example multiple_of
             */
            rule: string;
            /** @example width must be a multiple of 16 (got 500) */
            message: string;
            /**
             * @description The offending word of a prompt (`prompt_out_of_vocabulary`).
             * @example cat
             */
            word?: string;
            /** @description Where `word` is in the prompt: UTF-16 offsets, `end` exclusive. */
            span?: {
                start: number;
                end: number;
            };
            /**
             * @description The nearest words the model knows, best first.
             * @example [
             *       "dot"
             *     ]
             */
            suggestions?: string[];
        };
        HeartbeatRequest: {
            /** @example lse_Q1w2E3r4T5y6U7i8 */
            lease_id: string;
            progress: {
                stage: components["schemas"]["Stage"];
                step: number;
                total_steps: number;
            };
        };
        HeartbeatResponse: {
            /**
             * Format: date-time
             * @example 2026-11-25T14:42:36.000Z
             */
            lease_expires_at: string;
            cancel_requested: boolean;
        };
        JobAck: {
            /** @example vid_3kTq9V0mXb2cLr8aZp1N */
            id: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "canceled";
        };
        JobError: {
            code: string;
            message: string;
            retryable: boolean;
        } | null;
        /** @enum {string} */
        JobState: "queued" | "running" | "succeeded" | "failed" | "canceled";
        /** @enum {string} */
        KeyTier: "free" | "pro" | "internal";
        Lease: components["schemas"]["LeaseGrant"] & {
            /** @description The other jobs of a batched lease (`max_jobs` > 1), oldest first; absent otherwise. */
            more_leases?: components["schemas"]["LeaseGrant"][];
        };
        LeaseGrant: {
            job: components["schemas"]["LeasedJob"];
            lease: {
                /** @example lse_Q1w2E3r4T5y6U7i8 */
                id: string;
                ttl_ms: number;
                /**
                 * Format: date-time
                 * @example 2026-11-25T14:42:36.000Z
                 */
                expires_at: string;
            };
        };
        LeaseRequest: {
            runner_id: string;
            models: string[];
            /**
             * @description Long-poll time.
             * @default 20000
             */
            wait_ms: number;
            /**
             * @description Lease up to this many jobs in one call (a batched lease). The first is `job` + `lease` as with one; the others are in `more_leases`. Each job has its own lease, heartbeat and completion.
             * @default 1
             */
            max_jobs: number;
        };
        LeasedJob: {
            /** @example vid_3kTq9V0mXb2cLr8aZp1N */
            id: string;
            tenant_id: string;
            attempt: number;
            model: {
                /** @example shape-world-tiny */
                id: string;
                version: string;
            };
            prompt: string;
            negative_prompt: string;
            params: components["schemas"]["ResolvedParams"];
            outputs: components["schemas"]["Variant"][];
            /** @description S3 key prefix for this job's objects (per tenant). */
            output_prefix: string;
        };
        LintIssue: {
            /** @enum {string} */
            code: "vague_spatial_word" | "too_many_subjects" | "unknown_word" | "unknown_color" | "unknown_shape" | "missing_motion" | "conflicting_places" | "too_long" | "too_many_tokens";
            /** @enum {string} */
            severity: "error" | "warning" | "info";
            message: string;
            span: {
                start: number;
                end: number;
            } | null;
            suggestion: string | null;
        };
        LintRequest: {
            /**
             * @description What to show, in plain words; at most 1000 characters.
             * @example A yellow ball rolls from the left edge to the center while a blue cube stays on the right.
             */
            prompt: string;
            /** @example shape-world-tiny */
            model?: string;
        };
        LintResult: {
            /** @description No issue of severity error. */
            ok: boolean;
            /** @example shape-world-tiny */
            model: string;
            normalized_prompt: string;
            subjects: number;
            issues: components["schemas"]["LintIssue"][];
        };
        Model: {
            /** @enum {string} */
            object: "model";
            /** @example shape-world-tiny */
            id: string;
            /**
             * @description Part of every cache key.
             * @example 3.2.0
             */
            version: string;
            description: string;
            /** @description The model a request without `model` gets. */
            default: boolean;
            /**
             * @description Every supported width × height; `null`: any size in `size_range`.
             * @example [
             *       {
             *         "width": 64,
             *         "height": 64
             *       },
             *       {
             *         "width": 128,
             *         "height": 128
             *       },
             *       {
             *         "width": 256,
             *         "height": 256
             *       },
             *       {
             *         "width": 256,
             *         "height": 144
             *       }
             *     ]
             */
            sizes: {
                width: number;
                height: number;
            }[] | null;
            /** @description Bounds and step of width and height. */
            size_range: {
                min: number;
                max: number;
                multiple: number;
            };
            /**
             * @description Every supported `num_frames`.
             * @example [
             *       8,
             *       16,
             *       24,
             *       32
             *     ]
             */
            frame_counts: number[];
            /**
             * @description Seconds of each of `frame_counts` at the model's `fps`.
             * @example [
             *       1,
             *       2,
             *       3,
             *       4
             *     ]
             */
            durations: number[];
            /**
             * @description Frames per second the model was made for.
             * @example 8
             */
            fps: number;
            /** @description `num_inference_steps`: bounds and default. */
            steps: {
                min: number;
                max: number;
                default: number;
            };
            /** @description `guidance_scale`: bounds and default. */
            guidance_scale: {
                min: number;
                max: number;
                default: number;
            };
            defaults: {
                /** @description Pixels; a multiple of 16; the model may allow fewer sizes. */
                width: number;
                /** @description Pixels; a multiple of 16; the model may allow fewer sizes. */
                height: number;
                /** @description Frames in the clip. */
                num_frames: number;
                /** @description Frames per second of the encoded video. */
                fps: number;
                /** @description Denoising steps: more is slower and usually cleaner. */
                num_inference_steps: number;
                /** @description Classifier-free guidance scale; 1 disables the unconditional pass. */
                guidance_scale: number;
                /** @enum {string} */
                scheduler: "unipc" | "euler";
            };
            vocabulary: components["schemas"]["ModelVocabulary"];
            /** @description Prompts the model draws well, the best first. */
            examples: string[];
        };
        ModelList: {
            /** @enum {string} */
            object: "list";
            data: components["schemas"]["Model"][];
        };
        ModelVocabulary: {
            grammar?: string;
            closed: boolean;
            max_objects?: number;
            max_things?: number;
            max_tokens?: number;
            /**
             * @default {
             *       "shapes": [],
             *       "colors": [],
             *       "places": [],
             *       "verbs": [],
             *       "relations": [],
             *       "counts": [],
             *       "formations": []
             *     }
             */
            roles: {
                /** @default [] */
                shapes: string[];
                /** @default [] */
                colors: string[];
                /** @default [] */
                places: string[];
                /** @default [] */
                verbs: string[];
                /** @default [] */
                relations: string[];
                /** @default [] */
                counts: string[];
                /** @default [] */
                formations: string[];
            };
            /** @default {} */
            count_values: {
                [key: string]: number;
            };
            /** @default {} */
            synonyms: {
                [key: string]: string[];
            };
            /** @default [] */
            function_words: string[];
        } | null;
        OEmbed: {
            /** @enum {string} */
            type: "video";
            /** @enum {string} */
            version: "1.0";
            title: string;
            provider_name: string;
            /** Format: uri */
            provider_url: string;
            html: string;
            width: number;
            height: number;
            /** Format: uri */
            thumbnail_url?: string;
            thumbnail_width?: number;
            thumbnail_height?: number;
        };
        Output: {
            variant: components["schemas"]["Variant"];
            content_type: string;
            bytes: number;
            sha256: string;
            width?: number;
            height?: number;
            /**
             * Format: uri
             * @description Short-lived presigned URL, minted per request.
             */
            url?: string;
            /**
             * Format: date-time
             * @example 2026-11-25T14:42:36.000Z
             */
            url_expires_at?: string;
        };
        Problem: {
            /** @example https://sketchreel.dev/problems/validation_failed */
            type: string;
            /** @example Request validation failed */
            title: string;
            status: number;
            /** @example width must be a multiple of 16 (got 500) */
            detail: string;
            /** @enum {string} */
            code: "bad_request" | "invalid_json" | "unsupported_media_type" | "payload_too_large" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "idempotency_key_reused" | "content_policy" | "prompt_out_of_vocabulary" | "rate_limited" | "concurrency_limited" | "budget_exhausted" | "not_ready" | "lease_lost" | "runner_lost" | "generation_failed" | "internal_error" | "unavailable";
            request_id: string;
            instance?: string;
            errors?: components["schemas"]["FieldError"][];
            retry_after?: number;
        };
        Progress: {
            stage: components["schemas"]["Stage"];
            step: number;
            total_steps: number;
            /** @description Overall progress estimate, 0-100. */
            percent: number;
        };
        ResolvedParams: {
            /** @description Pixels; a multiple of 16; the model may allow fewer sizes. */
            width: number;
            /** @description Pixels; a multiple of 16; the model may allow fewer sizes. */
            height: number;
            /** @description Frames in the clip. */
            num_frames: number;
            /** @description Frames per second of the encoded video. */
            fps: number;
            /** @description Denoising steps: more is slower and usually cleaner. */
            num_inference_steps: number;
            /** @description Classifier-free guidance scale; 1 disables the unconditional pass. */
            guidance_scale: number;
            /** @description Unsigned 32-bit seed. Same model + parameters + seed give identical frames. Omitted: a random seed, recorded on the job. */
            seed: number;
            /** @enum {string} */
            scheduler: "unipc" | "euler";
        };
        RotateWebhookSecretRequest: {
            /** @description Seconds the old secret keeps signing next to the new one (default 86400). 0 retires it at once (a leaked secret). */
            previous_valid_for_s?: number;
        };
        /** @enum {string} */
        Scope: "videos:read" | "videos:write";
        Share: {
            /** @example shr_Yb7nQ2pLx0Vt4sKe9Ra1 */
            id: string;
            /** Format: uri */
            embed_url: string;
            /** Format: uri */
            oembed_url: string;
            /**
             * Format: uri
             * @description The MP4 at a URL that does not expire (`/embed/{shareId}/video.mp4`, redirecting to a fresh presigned one): keep this one, not `outputs[].url`.
             */
            video_url?: string;
            /**
             * Format: uri
             * @description The poster image at a URL that does not expire (`/embed/{shareId}/poster.png`), for link previews and thumbnails.
             */
            poster_url?: string;
        } | null;
        /** @enum {string} */
        Stage: "queued" | "check_inputs" | "encode_prompt" | "prepare_timesteps" | "prepare_latents" | "denoise" | "decode" | "encode_video" | "upload" | "done";
        Template: {
            /** @example slide-in-to-center */
            id: string;
            /** @enum {string} */
            object: "template";
            version: number;
            name: string;
            description: string;
            /**
             * @description Prompt with {variable} placeholders.
             * @example a {color} {shape} slides in from the left edge and stops at the center
             */
            prompt: string;
            negative_prompt?: string;
            variables: components["schemas"]["TemplateVariable"][];
            defaults: {
                /** @description Pixels; a multiple of 16; the model may allow fewer sizes. */
                width?: number;
                /** @description Pixels; a multiple of 16; the model may allow fewer sizes. */
                height?: number;
                /** @description Frames in the clip. */
                num_frames?: number;
                /** @description Frames per second of the encoded video. */
                fps?: number;
                /** @description Denoising steps: more is slower and usually cleaner. */
                num_inference_steps?: number;
                /** @description Classifier-free guidance scale; 1 disables the unconditional pass. */
                guidance_scale?: number;
            };
            /** @description Models whose vocabulary the template is written for. */
            models: string[];
        };
        TemplateList: {
            /** @enum {string} */
            object: "list";
            data: components["schemas"]["Template"][];
        };
        TemplateRef: {
            /** @example slide-in-to-center */
            id: string;
            /** @description Pin a version; default latest. */
            version?: number;
            /** @default {} */
            variables: {
                [key: string]: string | number;
            };
        };
        TemplateVariable: {
            name: string;
            /** @enum {string} */
            type: "enum" | "string" | "number";
            description: string;
            enum?: string[];
            default?: string | number;
            required: boolean;
        };
        Usage: {
            /** @enum {string} */
            object: "usage";
            tenant_id: string;
            tier: components["schemas"]["KeyTier"];
            period: {
                /**
                 * Format: date-time
                 * @example 2026-11-25T14:42:36.000Z
                 */
                start: string;
                /**
                 * Format: date-time
                 * @example 2026-11-25T14:42:36.000Z
                 */
                end: string;
            };
            limits: {
                requests_per_minute: number;
                max_concurrent_jobs: number;
                daily_compute_units: number;
                /** @description Days a video (record and files) is kept after its creation; then deleted. */
                retention_days: number;
            };
            usage: {
                /** @description frames × steps × pixels / 2^20 admitted today. */
                compute_units: number;
                videos_created: number;
                active_jobs: number;
            };
            queue: {
                /** @description Queued jobs across all tenants (autoscaling signal). */
                depth: number;
                running: number;
            };
        };
        /** @enum {string} */
        Variant: "mp4" | "webm" | "gif" | "poster";
        Video: {
            /** @example vid_3kTq9V0mXb2cLr8aZp1N */
            id: string;
            /** @enum {string} */
            object: "video";
            status: components["schemas"]["JobState"];
            model: {
                /** @example shape-world-tiny */
                id: string;
                version: string;
            };
            prompt: string;
            negative_prompt: string;
            template: {
                /** @example slide-in-to-center */
                id: string;
                version: number;
                variables: {
                    [key: string]: string | number;
                };
            } | null;
            params: components["schemas"]["ResolvedParams"];
            outputs_requested: components["schemas"]["Variant"][];
            progress: components["schemas"]["Progress"];
            outputs: components["schemas"]["Output"][];
            error: components["schemas"]["JobError"];
            /** @description True when served from the result cache (no GPU work). */
            cached: boolean;
            attempts: number;
            share: components["schemas"]["Share"];
            webhook_url: string | null;
            metadata: {
                [key: string]: string;
            };
            timings_ms?: {
                [key: string]: number;
            };
            /**
             * Format: date-time
             * @example 2026-11-25T14:42:36.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T14:42:36.000Z
             */
            started_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T14:42:36.000Z
             */
            completed_at: string | null;
        };
        /** @enum {string} */
        VideoEventType: "video.queued" | "video.running" | "video.progress" | "video.succeeded" | "video.failed" | "video.canceled";
        VideoList: {
            /** @enum {string} */
            object: "list";
            data: components["schemas"]["Video"][];
            has_more: boolean;
            next_cursor: string | null;
        };
        WebhookAttempt: {
            attempt: number;
            /**
             * @description `manual`: asked for with redeliver.
             * @enum {string}
             */
            trigger: "automatic" | "manual";
            /**
             * Format: date-time
             * @example 2026-11-25T14:42:36.000Z
             */
            at: string;
            /** @description The receiver's HTTP status; null if none came. */
            status_code: number | null;
            /** @description Why the attempt failed; null when it succeeded (2xx). */
            error: string | null;
            duration_ms: number;
        };
        WebhookDelivery: {
            /**
             * @description The message id, sent as `webhook-id` (the same on every attempt).
             * @example evt_5Gm2Qx8LpV0aZr3kTn7Wb1Yc
             */
            id: string;
            /** @enum {string} */
            object: "webhook_delivery";
            /** @example vid_3kTq9V0mXb2cLr8aZp1N */
            video_id: string;
            type: components["schemas"]["VideoEventType"];
            url: string;
            /**
             * @description `delivered` once any attempt got a 2xx; `failed` when no attempt is left.
             * @enum {string}
             */
            status: "pending" | "delivered" | "failed";
            attempts: components["schemas"]["WebhookAttempt"][];
            /**
             * Format: date-time
             * @example 2026-11-25T14:42:36.000Z
             */
            next_attempt_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T14:42:36.000Z
             */
            created_at: string;
        };
        WebhookDeliveryList: {
            /** @enum {string} */
            object: "list";
            data: components["schemas"]["WebhookDelivery"][];
        };
        WebhookSecret: {
            /** @enum {string} */
            object: "webhook_secret";
            /**
             * @description Verify `webhook-signature` with this secret (`verifyWebhook` in the SDK). Every webhook of the tenant is signed with it.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
            /**
             * Format: date-time
             * @example 2026-11-25T14:42:36.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description After a rotation the previous secret still signs (a second `v1,` signature) until this time; null when only one secret signs.
             * @example 2026-11-25T14:42:36.000Z
             */
            previous_secret_expires_at: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listVideos: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: components["schemas"]["JobState"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of videos. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoList"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createVideo: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key within 24 h return the first response. */
                "idempotency-key"?: string;
                /** @description RFC 7240 preferences. `wait=N` (seconds; `wait` alone means 60; more is clamped to 60): hold the request until the video reaches a terminal state, up to N seconds. Finished in time: 201 with the video; else 202 as without it. `Preference-Applied: wait=N` says what was honoured. Preferences the edge does not know, and malformed ones, are ignored. */
                prefer?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVideoRequest"];
            };
        };
        responses: {
            /** @description Served from the result cache (`cached: true`, `X-Cache: HIT`); no GPU work. */
            200: {
                headers: {
                    /** @description The video's URL (`GET /v1/videos/{id}`). */
                    Location?: string;
                    /** @description `HIT` when served from the result cache, else `MISS`. */
                    "X-Cache"?: string;
                    /** @description `wait=N` when a `Prefer: wait` was honoured (N after clamping). */
                    "Preference-Applied"?: string;
                    /** @description `true` when this replays the first response to the same `Idempotency-Key`. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Video"];
                };
            };
            /** @description `Prefer: wait=N` was given and the video reached a terminal state (succeeded, failed or canceled) within it. */
            201: {
                headers: {
                    /** @description The video's URL (`GET /v1/videos/{id}`). */
                    Location?: string;
                    /** @description `HIT` when served from the result cache, else `MISS`. */
                    "X-Cache"?: string;
                    /** @description `wait=N` when a `Prefer: wait` was honoured (N after clamping). */
                    "Preference-Applied"?: string;
                    /** @description `true` when this replays the first response to the same `Idempotency-Key`. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Video"];
                };
            };
            /** @description Queued (or attached to an identical running job). `Location` points at the video. */
            202: {
                headers: {
                    /** @description The video's URL (`GET /v1/videos/{id}`). */
                    Location?: string;
                    /** @description `HIT` when served from the result cache, else `MISS`. */
                    "X-Cache"?: string;
                    /** @description `wait=N` when a `Prefer: wait` was honoured (N after clamping). */
                    "Preference-Applied"?: string;
                    /** @description `true` when this replays the first response to the same `Idempotency-Key`. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Video"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVideo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The video. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Video"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such video for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteVideo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such video for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Still running: cancel first. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelVideo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Canceled, or cancel requested (running jobs stop at the runner's next heartbeat). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Video"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such video for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already in a terminal state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamVideoEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `text/event-stream`; each event's `data` is a VideoEvent JSON. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such video for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVideoContent: {
        parameters: {
            query?: {
                variant?: components["schemas"]["Variant"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `Location` is a presigned URL, minted per request. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such video, or the variant was not produced. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The video has not succeeded (yet). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such video for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attempt is scheduled (`next_attempt_at`); poll the list for its outcome. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such video or delivery for this tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecret"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateWebhookSecretRequest"];
            };
        };
        responses: {
            /** @description The new secret. Deliveries carry a signature with each valid secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecret"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All templates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateList"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such template. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lintPrompt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LintRequest"];
            };
        };
        responses: {
            /** @description Lint result with a normalized prompt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LintResult"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every served model, the default first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Model"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such model; `detail` names the served ones. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUsage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Usage. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Usage"];
                };
            };
            /** @description Malformed request (bad JSON, wrong content type). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The key lacks the scope for this operation. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors[]` names each field and rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see `Retry-After` and the RateLimit headers. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEmbedPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shareId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML player page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Unknown or revoked share id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Malformed share id. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many uncached share lookups from this address; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEmbedVideo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shareId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `Location` is a presigned URL of the MP4, minted per request. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown or revoked share id, or no MP4 (yet). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Malformed share id. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many uncached share lookups from this address; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEmbedPoster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shareId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `Location` is a presigned URL of the poster, minted per request. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown or revoked share id, or no poster (yet). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Malformed share id. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many uncached share lookups from this address; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOEmbed: {
        parameters: {
            query: {
                url: string;
                maxwidth?: number;
                maxheight?: number;
                format?: "json";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description oEmbed response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OEmbed"];
                };
            };
            /** @description The URL is not a known embed. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad query parameters. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many uncached share lookups from this address; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    leaseJob: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeaseRequest"];
            };
        };
        responses: {
            /** @description A job and its lease. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lease"];
                };
            };
            /** @description No job within wait_ms. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid runner token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    heartbeatJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeartbeatRequest"];
            };
        };
        responses: {
            /** @description Lease extended. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeartbeatResponse"];
                };
            };
            /** @description Missing or invalid runner token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such job. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The lease is no longer held (`lease_lost`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    completeJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteRequest"];
            };
        };
        responses: {
            /** @description Recorded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobAck"];
                };
            };
            /** @description Missing or invalid runner token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such job. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The lease is no longer held (`lease_lost`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    failJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FailRequest"];
            };
        };
        responses: {
            /** @description Recorded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobAck"];
                };
            };
            /** @description Missing or invalid runner token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such job. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The lease is no longer held (`lease_lost`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateKeyRequest"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description Missing or invalid admin token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description Missing or invalid admin token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such key. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
