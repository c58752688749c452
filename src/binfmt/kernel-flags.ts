// What the running kernel can honour of the flags asked for. binfmt_misc has accepted P
// (preserve argv[0]) for long, but the interpreter learns that P is in effect only from
// AT_FLAGS, which Linux 5.12 added. On an older kernel QEMU cannot tell that the kernel put
// the original argv[0] after the program's path, and every emulated program would see it as
// an extra first argument. So there P is dropped, with a warning: argv[0] becomes the path.

/** The first kernel that tells the interpreter about P through AT_FLAGS. */
export const P_NEEDS: readonly [number, number] = [5, 12]

/** major.minor of a kernel release string such as os.release() gives; undefined if none. */
export function kernelVersion(release: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)/.exec(release.trim())
  return m ? [Number(m[1]), Number(m[2])] : undefined
}

/** `flags` (canonical) as this kernel can honour them, and the warning when one was dropped. */
export function flagsForKernel(
  flags: string,
  release: string
): { flags: string; warning?: string } {
  const version = kernelVersion(release)
  // An unreadable release keeps P: the argv0 check then says whether it works.
  if (!flags.includes('P') || !version) return { flags }
  const [major, minor] = version
  if (major > P_NEEDS[0] || (major === P_NEEDS[0] && minor >= P_NEEDS[1])) return { flags }
  const kept = flags.replace('P', '')
  return {
    flags: kept,
    warning: `flags '${flags}' include P, but kernel ${release} is older than ${P_NEEDS.join('.')}: it cannot tell QEMU that argv[0] was preserved, so emulated programs would get an extra argument. Registering with '${kept}' instead: programs see their full path as argv[0]. Use a ${P_NEEDS.join('.')}+ kernel to keep argv[0], or pass flags without P to silence this.`
  }
}
