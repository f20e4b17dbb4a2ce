export {
  CLOUDNATIVE_PG_PACKAGE,
  cloudNativePgKinds,
  preloadCloudNativePgModels,
  registerCloudNativePgKinds,
  validateCloudNativePgObject,
} from "./cloudnative-pg.js";
