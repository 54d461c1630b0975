import { resolve } from "node:path";
import { describeModel, type Model } from "@sketchreel/contract";
import { EMBEDDED_MODEL_ID, modelDir, SERVED_MODEL_IDS } from "@sketchreel/models";
import { loadModelPackage, ModelPackageError } from "@sketchreel/pipeline";
import type { Sketchreel } from "@sketchreel/sdk";
import { UsageError } from "../usage-error.js";
import { formatModel } from "./format-model.js";

export interface ShowModelsOptions {
  id: string | undefined;
  /** A model package directory to describe instead of the served ones. */
  dir: string | undefined;
  json: boolean;
  /** Ask this API (`GET /v1/models`) instead of reading the packages on this machine. */
  api: Sketchreel | undefined;
}

async function describePackage(dir: string, isDefault: boolean): Promise<Model> {
  return describeModel((await loadModelPackage(dir)).index, isDefault);
}

/** The models to show: one package directory, one served id, or every served package. */
async function localModels(id: string | undefined, dir: string | undefined): Promise<Model | Model[]> {
  if (dir) return describePackage(resolve(dir), false);
  if (id === undefined)
    return Promise.all(SERVED_MODEL_IDS.map((s) => describePackage(modelDir(s), s === EMBEDDED_MODEL_ID)));
  if (!(SERVED_MODEL_IDS as readonly string[]).includes(id)) {
    throw new UsageError([
      { field: "id", rule: "enum", message: `no model ${id}; the served models are ${SERVED_MODEL_IDS.join(", ")}` },
    ]);
  }
  return describePackage(modelDir(id), id === EMBEDDED_MODEL_ID);
}

async function remoteModels(api: Sketchreel, id: string | undefined): Promise<Model | Model[]> {
  // The API's models are the contract's `Model`, generated into the SDK's types.
  return (id === undefined ? (await api.models.list()).data : await api.models.get(id)) as Model | Model[];
}

/**
 * `sketchreel models`: what each model makes, read from the packages on this machine or from the
 * API, printed for a person or as the API's JSON. 0 done, 2 unknown model, 1 a package it cannot read.
 */
export async function showModels(options: ShowModelsOptions): Promise<number> {
  try {
    const selected = options.api
      ? await remoteModels(options.api, options.id)
      : await localModels(options.id, options.dir);
    if (options.json) {
      const body = Array.isArray(selected) ? { object: "list", data: selected } : selected;
      process.stdout.write(`${JSON.stringify(body)}\n`);
    } else {
      const models = Array.isArray(selected) ? selected : [selected];
      process.stdout.write(`${models.map(formatModel).join("\n\n")}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`sketchreel models: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ModelPackageError) {
      process.stderr.write(`sketchreel models: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
