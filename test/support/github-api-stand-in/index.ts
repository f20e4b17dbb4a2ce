export { GitHubStandIn, BODY_LIMIT, type Fault, type LoggedRequest, type StandInOptions } from "./server.js";
export { GitStore } from "./git-store.js";
