export {
  createObjectStore,
  type ObjectStore,
  type ObjectStoreOptions,
  type PutOptions,
  StorageError,
  type StoredObject,
} from "./object-store.js";
export { classifyS3Error, S3_RETRY_POLICY } from "./retry-policy.js";
