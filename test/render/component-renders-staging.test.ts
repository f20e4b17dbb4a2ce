import { componentRenderChecks } from "./component-checks.js";

// The staging environment's component Applications, rendered and checked as Argo CD would (component-checks.ts); one file per environment so the test workers share the renders.
componentRenderChecks("staging");
