// The Pod Security Standards' "restricted" profile (which includes "baseline"), as the Kubernetes documentation states
// it for the latest version, checked on one pod template. No admission controller runs here, so this is our reading of
// the published rules, kept to the fields they name; a real cluster's admission remains the judge.
const BASELINE_CAPABILITIES = new Set(["AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
  "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"]);
const RESTRICTED_VOLUMES = new Set(["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
  "persistentVolumeClaim", "projected", "secret"]);
const SAFE_SYSCTLS = new Set(["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"]);
const SELINUX_TYPES = new Set([undefined, "", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);

/** Violations of "restricted" in one pod spec, each naming the field; empty when the pod would be admitted. */
export function restrictedViolations(pod) {
  const v = [];
  const psc = pod.securityContext ?? {};
  const containers = [...(pod.initContainers ?? []), ...(pod.containers ?? []), ...(pod.ephemeralContainers ?? [])];
  const each = (c) => ({ name: c.name, sc: c.securityContext ?? {} });

  // baseline
  for (const f of ["hostNetwork", "hostPID", "hostIPC"]) if (pod[f]) v.push(`spec.${f} must not be true`);
  if (psc.windowsOptions?.hostProcess) v.push("spec.securityContext.windowsOptions.hostProcess must not be true");
  for (const s of psc.sysctls ?? []) if (!SAFE_SYSCTLS.has(s.name)) v.push(`sysctl ${s.name} is not in the safe set`);
  const selinux = (sc, where) => {
    const o = sc.seLinuxOptions;
    if (!o) return;
    if (!SELINUX_TYPES.has(o.type)) v.push(`${where}.seLinuxOptions.type ${o.type} is not allowed`);
    if (o.user || o.role) v.push(`${where}.seLinuxOptions user and role must not be set`);
  };
  selinux(psc, "spec.securityContext");
  const appArmor = (sc, where) => {
    const t = sc.appArmorProfile?.type;
    if (t !== undefined && t !== "RuntimeDefault" && t !== "Localhost") v.push(`${where}.appArmorProfile.type ${t} is not allowed`);
  };
  appArmor(psc, "spec.securityContext");
  for (const vol of pod.volumes ?? []) {
    const type = Object.keys(vol).find((k) => k !== "name");
    if (!RESTRICTED_VOLUMES.has(type)) v.push(`volume ${vol.name}: type ${type} is not allowed`);
  }
  for (const c of containers.map(each)) {
    const where = `container ${c.name}`;
    if (c.sc.privileged) v.push(`${where}: privileged must not be true`);
    if (c.sc.windowsOptions?.hostProcess) v.push(`${where}: hostProcess must not be true`);
    if (c.sc.procMount && c.sc.procMount !== "Default") v.push(`${where}: procMount must be Default`);
    selinux(c.sc, where);
    appArmor(c.sc, where);
    const add = c.sc.capabilities?.add ?? [];
    for (const cap of add) if (!BASELINE_CAPABILITIES.has(cap)) v.push(`${where}: capability ${cap} may not be added`);
    // restricted
    if (c.sc.allowPrivilegeEscalation !== false) v.push(`${where}: allowPrivilegeEscalation must be false`);
    if (!(c.sc.capabilities?.drop ?? []).includes("ALL")) v.push(`${where}: capabilities.drop must include ALL`);
    for (const cap of add) if (cap !== "NET_BIND_SERVICE") v.push(`${where}: only NET_BIND_SERVICE may be added`);
    const nonRoot = c.sc.runAsNonRoot ?? psc.runAsNonRoot;
    if (nonRoot !== true) v.push(`${where}: runAsNonRoot must be true (pod or container)`);
    if ((c.sc.runAsUser ?? psc.runAsUser) === 0) v.push(`${where}: runAsUser must not be 0`);
    const seccomp = c.sc.seccompProfile?.type ?? psc.seccompProfile?.type;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") {
      v.push(`${where}: seccompProfile.type must be RuntimeDefault or Localhost (pod or container), not ${seccomp}`);
    }
    for (const p of [...(pod.containers ?? []).find((x) => x.name === c.name)?.ports ?? []]) {
      if (p.hostPort) v.push(`${where}: hostPort ${p.hostPort} is not allowed`);
    }
  }
  if (psc.runAsUser === 0) v.push("spec.securityContext.runAsUser must not be 0");
  if (psc.seccompProfile?.type === "Unconfined") v.push("spec.securityContext.seccompProfile must not be Unconfined");
  return v;
}
