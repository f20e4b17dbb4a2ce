import { ANNOTATIONS, type CatalogComponent } from "../catalog/chart-metadata.js";
import { layerIndex } from "../catalog/layers.js";
import { problem, type Problem } from "./problems.js";

const DEPENDENCIES_PATH = `annotations["${ANNOTATIONS.dependencies}"]`;

export interface DependencyOrder {
  /** Sync wave of each component: 0 without dependencies, else one more than its deepest dependency. */
  waves: Map<string, number>;
  problems: Problem[];
}

/**
 * Orders components by their dependency annotations. Unknown dependencies, cycles and dependencies
 * on a later layer are errors that name the offending chain. Only what is deployed is checked
 * (`deployed`: the components some environment enables, default all): a chart no environment runs
 * yet is ordered, and checked, once one enables it.
 */
export function orderByDependencies(components: readonly CatalogComponent[], deployed?: ReadonlySet<string>): DependencyOrder {
  const byName = new Map(components.map((c) => [c.name, c]));
  const roots = deployed ? components.filter((c) => deployed.has(c.name)) : components;
  const problems: Problem[] = [];
  for (const component of roots) {
    for (const dependency of component.dependencies) {
      const target = byName.get(dependency);
      if (!target) {
        problems.push(problem("GEN020", component.definedIn, `${component.name} depends on "${dependency}", which is not a component of the catalog (charts/ or schemas/upstream/) (${component.name} → ${dependency}).`, { location: component.locateDependencies(), path: DEPENDENCIES_PATH }));
      } else if (component.layer === "infrastructure" && layerIndex(target.layer) > layerIndex(component.layer)) {
        problems.push(problem("GEN023", component.definedIn, `${component.name} (${component.layer} layer) depends on ${dependency} (${target.layer} layer), which is brought up after it.`, { location: component.locateDependencies(), path: DEPENDENCIES_PATH }));
      }
    }
  }
  const waves = new Map<string, number>();
  const reportedCycles = new Set<string>();
  const visiting: string[] = [];
  const visit = (name: string): number => {
    const known = waves.get(name);
    if (known !== undefined) return known;
    const cycleStart = visiting.indexOf(name);
    if (cycleStart !== -1) {
      const chain = [...visiting.slice(cycleStart), name];
      const key = [...chain.slice(0, -1)].sort().join(",");
      if (!reportedCycles.has(key)) {
        reportedCycles.add(key);
        const first = byName.get(chain[0] as string) as CatalogComponent;
        problems.push(problem("GEN021", first.definedIn, `dependency cycle: ${chain.join(" → ")}.`, { location: first.locateDependencies(), path: DEPENDENCIES_PATH }));
      }
      return 0;
    }
    const component = byName.get(name);
    if (!component) return -1;
    visiting.push(name);
    let wave = 0;
    for (const dependency of component.dependencies) {
      const target = byName.get(dependency);
      if (target && layerIndex(target.layer) > layerIndex(component.layer)) continue;
      wave = Math.max(wave, visit(dependency) + 1);
    }
    visiting.pop();
    waves.set(name, wave);
    return wave;
  };
  for (const component of roots) visit(component.name);
  return { waves, problems };
}
