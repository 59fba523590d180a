// A container's environment as the kubelet builds it: envFrom first, then env in order, each value's $(NAME) filled
// in from the variables defined before it ($$ is a literal $; a reference to nothing defined stays as written).
// Secrets are not applied here, so their values come from the committed examples (placeholders).

/** Fills in $(NAME) references from `defined`, as the kubelet does. */
export function expand(text, defined) {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (whole, name) => {
    if (whole === "$$") return "$";
    return Object.hasOwn(defined, name) ? defined[name] : whole;
  });
}

/**
 * The environment of `container` (a map name → value), given the ConfigMaps rendered with it and the Secrets' example
 * data (name → stringData). Fails on a reference to a ConfigMap, Secret or key that is not there: the kubelet would not
 * start the container.
 */
export function environment(container, { configMaps = {}, secrets = {} } = {}) {
  const env = {};
  const source = (kind, all, name) => {
    if (!Object.hasOwn(all, name)) throw new Error(`${container.name}: ${kind} ${name} is neither rendered nor exemplified`);
    return all[name];
  };
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, source("ConfigMap", configMaps, from.configMapRef.name));
    else if (from.secretRef) Object.assign(env, source("Secret", secrets, from.secretRef.name));
    else throw new Error(`${container.name}: envFrom neither ConfigMap nor Secret`);
  }
  for (const v of container.env ?? []) {
    if (v.valueFrom?.secretKeyRef || v.valueFrom?.configMapKeyRef) {
      const ref = v.valueFrom.secretKeyRef ?? v.valueFrom.configMapKeyRef;
      const data = v.valueFrom.secretKeyRef ? source("Secret", secrets, ref.name) : source("ConfigMap", configMaps, ref.name);
      if (!Object.hasOwn(data, ref.key)) throw new Error(`${container.name}: ${v.name}: no key ${ref.key} in ${ref.name}`);
      env[v.name] = data[ref.key];
    } else if (v.valueFrom) {
      throw new Error(`${container.name}: ${v.name}: valueFrom not supported here`);
    } else {
      env[v.name] = expand(v.value ?? "", env);
    }
  }
  return env;
}

/** The secretKeyRef ({ name, key }) a variable of the container reads, if it reads one. */
export const secretKeyRef = (container, name) => (container.env ?? []).find((v) => v.name === name)?.valueFrom?.secretKeyRef;
