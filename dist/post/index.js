import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 994:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runPost)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/util/exec.ts
// The one way this project runs another program: an argv array, never a shell string.
// The command line is logged at debug level; a failure names the command, its exit status
// and the last line it wrote to stderr.
//
// Node spawns through execvp, and execvp hands a file the kernel answers with ENOEXEC to
// /bin/sh, so a text file or a truncated ELF file would run as a shell script. The command is
// therefore resolved here, and only an ELF file or a #! script is started, by its absolute path.




class ExecError extends Error {
    argv;
    result;
    constructor(argv, result) {
        const last = lastLine(result.stderr) || lastLine(result.stdout);
        super(`${argv.join(' ')} exited with ${result.code}${last ? `: ${last}` : ''}`);
        this.argv = argv;
        this.result = result;
        this.name = 'ExecError';
    }
}
function lastLine(text) {
    const lines = text.trim().split('\n');
    return lines[lines.length - 1]?.trim() ?? '';
}
/** The file execvp would start for `command`: itself when it names a path, else the first on PATH. */
function resolveCommand(command, path = process.env.PATH ?? '', cwd = process.cwd()) {
    const candidates = command.includes('/')
        ? [(0,external_node_path_namespaceObject.resolve)(cwd, command)]
        : path.split(external_node_path_namespaceObject.delimiter).map(dir => (0,external_node_path_namespaceObject.resolve)(cwd, dir || '.', command));
    return candidates.find(file => {
        try {
            (0,external_node_fs_namespaceObject.accessSync)(file, external_node_fs_namespaceObject.constants.X_OK);
            return (0,external_node_fs_namespaceObject.statSync)(file).isFile();
        }
        catch {
            return false;
        }
    });
}
/** Throw unless the kernel itself runs `file` (ELF or #!), so execvp never passes it to /bin/sh. */
function checkRunnable(file) {
    const head = Buffer.alloc(4);
    const fd = (0,external_node_fs_namespaceObject.openSync)(file, 'r');
    try {
        (0,external_node_fs_namespaceObject.readSync)(fd, head, 0, 4, 0);
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
    if (head.readUInt32BE(0) === 0x7f454c46 || head.subarray(0, 2).toString('latin1') === '#!')
        return;
    throw new Error(`Refusing to run ${file}: it is neither an ELF program nor a #! script, so it would run ` +
        `as a /bin/sh script; check that the file is the program you meant`);
}
function exec_run(argv, options = {}) {
    const [command, ...args] = argv;
    options.log?.debug(`exec: ${JSON.stringify(argv)}`);
    const env = options.env ?? process.env;
    const file = resolveCommand(command, env.PATH, options.cwd);
    try {
        if (file)
            checkRunnable(file);
    }
    catch (e) {
        return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
        // Unresolved: spawn fails with ENOENT, which the error handler below reports.
        const child = (0,external_node_child_process_namespaceObject.spawn)(file ?? command, args, {
            argv0: command,
            env,
            cwd: options.cwd,
            stdio: ['pipe', 'pipe', 'pipe'],
            timeout: options.timeoutMs
        });
        const out = [];
        const err = [];
        if (options.stdout)
            child.stdout.pipe(options.stdout);
        else
            child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.on('error', e => reject(new Error(`Cannot run ${command}: ${e.message}`)));
        child.on('close', (code, signal) => {
            const result = {
                code: code ?? 128 + (signal ? external_node_os_namespaceObject.constants.signals[signal] : 0),
                stdout: Buffer.concat(out).toString(options.encoding),
                stderr: Buffer.concat(err).toString() + (signal ? `\nkilled by ${signal}` : ''),
                signal: signal ?? undefined
            };
            if (result.code !== 0 && !options.allowFailure)
                reject(new ExecError(argv, result));
            else
                resolve(result);
        });
        child.stdin.on('error', () => { }); // a command that exits without reading its input
        child.stdin.end(options.input ?? '');
    });
}
/**
 * Start a command and leave it running: `input` is written to its standard input, which stays
 * open until end() or until this process dies (then the command sees end of file).
 */
function start(argv, options = {}) {
    const [command, ...args] = argv;
    options.log?.debug(`exec: ${JSON.stringify(argv)}`);
    const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const err = [];
    child.stderr.on('data', (b) => err.push(b));
    const exited = new Promise(resolve => {
        child.on('error', e => resolve({ code: -1, stdout: '', stderr: `Cannot run ${command}: ${e.message}` }));
        child.on('close', (code, signal) => resolve({
            code: code ?? 128 + (signal ? external_node_os_namespaceObject.constants.signals[signal] : 0),
            stdout: '',
            stderr: Buffer.concat(err).toString(),
            signal: signal ?? undefined
        }));
    });
    const output = new Promise(resolve => child.stdout.once('data', () => resolve()));
    child.stdout.resume();
    child.stdin.on('error', () => { });
    if (options.input)
        child.stdin.write(options.input);
    return { pid: child.pid, output, exited, end: () => void child.stdin.end() };
}
/** Start a program with no input or output and leave it running; resolves once it runs. */
const launch = (argv, options = {}) => {
    const [command, ...args] = argv;
    options.log?.debug(`launch: ${JSON.stringify(argv)}`);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, { env: options.env ?? process.env, stdio: 'ignore' });
        const exited = new Promise(done => child.once('close', () => done()));
        child.once('error', e => reject(new Error(`Cannot run ${command}: ${e.message}`)));
        child.once('spawn', () => resolve({
            pid: child.pid,
            stop: async () => {
                if (child.exitCode === null && child.signalCode === null)
                    child.kill('SIGKILL');
                await exited;
            }
        }));
    });
};

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: ./src/util/hash.ts
// SHA-256, the one digest the project uses: pinned downloads, interpreter identity, images.



/** Hex SHA-256 of bytes or text. */
const sha256 = (data) => createHash('sha256').update(data).digest('hex');
/** Hex SHA-256 of a file's content, streamed. */
async function hash_sha256File(path) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(path), hash);
    return hash.digest('hex');
}

;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/platform/targets.ts
// The 34 QEMU linux-user targets and the ELF header each one claims, as QEMU's own
// qemu-binfmt-conf.sh registers them. Magic and mask are lowercase hex of equal length.
// prettier-ignore
const rows = [
    ['i386', 'i386', '7f454c4601010100000000000000000002000300', 'fffffffffffefe00fffffffffffffffffeffffff'],
    ['i486', 'i386', '7f454c4601010100000000000000000002000600', 'fffffffffffefe00fffffffffffffffffeffffff'],
    ['alpha', 'alpha', '7f454c4602010100000000000000000002002690', 'fffffffffffefe00fffffffffffffffffeffffff'],
    ['arm', 'arm', '7f454c4601010100000000000000000002002800', 'ffffffffffffff00fffffffffffffffffeffffff'],
    ['armeb', 'armeb', '7f454c4601020100000000000000000000020028', 'ffffffffffffff00fffffffffffffffffffeffff'],
    ['sparc', 'sparc', '7f454c4601020100000000000000000000020002', 'ffffffffffffff00fffffffffffffffffffeffff'],
    ['sparc32plus', 'sparc', '7f454c4601020100000000000000000000020012', 'ffffffffffffff00fffffffffffffffffffeffff'],
    ['sparc64', 'sparc', '7f454c460202010000000000000000000002002b', 'ffffffffffffff00fffffffffffffffffffeffff'],
    ['ppc', 'ppc', '7f454c4601020100000000000000000000020014', 'ffffffffffffff00fffffffffffffffffffeffff'],
    ['ppc64', 'ppc', '7f454c4602020100000000000000000000020015', 'ffffffffffffff00fffffffffffffffffffeffff'],
    ['ppc64le', 'ppcle', '7f454c4602010100000000000000000002001500', 'ffffffffffffff00fffffffffffffffffeffff00'],
    ['m68k', 'm68k', '7f454c4601020100000000000000000000020004', 'fffffffffffffe00fffffffffffffffffffeffff'],
    ['mips', 'mips', '7f454c46010201000000000000000000000200080000000100000000000000000000000000000000', 'ffffffffffffff0000fffffffffffffffffeffffffffffff00000000000000000000000000000020'],
    ['mipsel', 'mips', '7f454c46010101000000000000000000020008000100000000000000000000000000000000000000', 'ffffffffffffff0000fffffffffffffffeffffffffffffff00000000000000000000000020000000'],
    ['mipsn32', 'mips', '7f454c46010201000000000000000000000200080000000100000000000000000000000000000020', 'ffffffffffffff0000fffffffffffffffffeffffffffffff00000000000000000000000000000020'],
    ['mipsn32el', 'mips', '7f454c46010101000000000000000000020008000100000000000000000000000000000020000000', 'ffffffffffffff0000fffffffffffffffeffffffffffffff00000000000000000000000020000000'],
    ['mips64', 'mips', '7f454c4602020100000000000000000000020008', 'ffffffffffffff0000fffffffffffffffffeffff'],
    ['mips64el', 'mips', '7f454c4602010100000000000000000002000800', 'ffffffffffffff0000fffffffffffffffeffffff'],
    ['sh4', 'sh4', '7f454c4601010100000000000000000002002a00', 'ffffffffffffff00fffffffffffffffffeffffff'],
    ['sh4eb', 'sh4', '7f454c460102010000000000000000000002002a', 'ffffffffffffff00fffffffffffffffffffeffff'],
    ['s390x', 's390x', '7f454c4602020100000000000000000000020016', 'ffffffffffffff00fffffffffffffffffffeffff'],
    ['aarch64', 'arm', '7f454c460201010000000000000000000200b700', 'ffffffffffffff00fffffffffffffffffeffffff'],
    ['aarch64_be', 'armeb', '7f454c46020201000000000000000000000200b7', 'ffffffffffffff00fffffffffffffffffffeffff'],
    ['hppa', 'hppa', '7f454c460102010000000000000000000002000f', 'ffffffffffffff00fffffffffffffffffffeffff'],
    ['riscv32', 'riscv32', '7f454c460101010000000000000000000200f300', 'ffffffffffffff00fffffffffffffffffeffffff'],
    ['riscv64', 'riscv64', '7f454c460201010000000000000000000200f300', 'ffffffffffffff00fffffffffffffffffeffffff'],
    ['xtensa', 'xtensa', '7f454c4601010100000000000000000002005e00', 'ffffffffffffff00fffffffffffffffffeffffff'],
    ['xtensaeb', 'xtensaeb', '7f454c460102010000000000000000000002005e', 'ffffffffffffff00fffffffffffffffffffeffff'],
    ['microblaze', 'microblaze', '7f454c460102010000000000000000000200baab', 'ffffffffffffff00fffffffffffffffffeffffff'],
    ['microblazeel', 'microblazeel', '7f454c460101010000000000000000000200abba', 'ffffffffffffff00fffffffffffffffffeffffff'],
    ['or1k', 'or1k', '7f454c460102010000000000000000000002005c', 'ffffffffffffff00fffffffffffffffffffeffff'],
    ['x86_64', 'i386', '7f454c4602010100000000000000000002003e00', 'fffffffffffefe00fffffffffffffffffeffffff'],
    ['hexagon', 'hexagon', '7f454c460101010000000000000000000200a400', 'ffffffffffffff00fffffffffffffffffeffffff'],
    ['loongarch64', 'loongarch', '7f454c4602010100000000000000000002000201', 'fffffffffffffffc00fffffffffffffffeffffff']
];
const targets_TARGETS = new Map(rows.map(([name, family, magic, mask]) => [
    name,
    { name, family, magic, mask, interpreter: name === 'i486' ? 'i386' : name }
]));
function target(name) {
    const found = targets_TARGETS.get(name);
    if (!found)
        throw new Error(`Unknown QEMU target '${name}'`);
    return found;
}

;// CONCATENATED MODULE: ./src/platform/names.ts
// Platform names as people write them (OCI, QEMU, Debian, uname -m) and the QEMU targets
// they mean. Pure: no I/O, so every name form is tested by a table.

/** The ten platforms container images are built for, as QEMU targets, in buildx's order. */
const names_CONTAINER_TARGETS = (/* unused pure expression or super */ null && ([
    'x86_64',
    'aarch64',
    'riscv64',
    'ppc64le',
    's390x',
    'i386',
    'mips64el',
    'mips64',
    'loongarch64',
    'arm'
]));
/** OCI platforms each target runs, for `docker buildx build --platform`. */
const OCI = {
    x86_64: ['linux/amd64'],
    i386: ['linux/386'],
    aarch64: ['linux/arm64'],
    arm: ['linux/arm/v7', 'linux/arm/v6'],
    riscv64: ['linux/riscv64'],
    ppc64le: ['linux/ppc64le'],
    s390x: ['linux/s390x'],
    mips64el: ['linux/mips64le'],
    mips64: ['linux/mips64'],
    loongarch64: ['linux/loong64'],
    // Go's GOARCH names, where Go has the architecture.
    ppc64: ['linux/ppc64'],
    mips: ['linux/mips'],
    mipsel: ['linux/mipsle']
};
/** Other names for targets: OCI and Go, Debian, uname -m. QEMU names map to themselves. */
const ALIASES = {
    amd64: 'x86_64',
    x64: 'x86_64',
    'x86-64': 'x86_64',
    '386': 'i386',
    i686: 'i386',
    x86: 'i386',
    arm64: 'aarch64',
    'arm64/v8': 'aarch64',
    armhf: 'arm',
    armel: 'arm',
    armv7l: 'arm',
    armv7: 'arm',
    armv6l: 'arm',
    armv6: 'arm',
    'arm/v7': 'arm',
    'arm/v6': 'arm',
    'arm/v5': 'arm',
    ppc64el: 'ppc64le',
    powerpc64le: 'ppc64le',
    powerpc64: 'ppc64',
    powerpc: 'ppc',
    mips64le: 'mips64el',
    mipsle: 'mipsel',
    loong64: 'loongarch64',
    arm64be: 'aarch64_be'
};
function names_ociPlatforms(target) {
    return OCI[target] ?? [`linux/${target}`];
}
/** Resolve one name, or undefined when it names nothing. */
function resolveName(raw) {
    const name = raw.toLowerCase().replace(/^linux\//, '');
    if (TARGETS.has(name))
        return name;
    return ALIASES[name];
}
/** Every name accepted, for error messages and docs. */
function validNames() {
    return [
        'all',
        ...names_CONTAINER_TARGETS.flatMap(names_ociPlatforms),
        ...Object.keys(ALIASES),
        ...TARGETS.keys()
    ];
}
/** Split on commas, spaces and newlines; fold case and duplicates; reject unknown names. */
function parsePlatforms(input) {
    const names = input
        .split(/[\s,]+/)
        .map(s => s.trim())
        .filter(Boolean);
    if (names.length === 0) {
        throw new Error(`platforms is empty: name at least one platform, for example 'arm64,arm', or 'all'`);
    }
    const targets = [];
    let all = false;
    const unknown = [];
    for (const name of names) {
        if (name.toLowerCase() === 'all') {
            all = true;
            targets.push(...names_CONTAINER_TARGETS);
            continue;
        }
        const resolved = resolveName(name);
        if (resolved)
            targets.push(resolved);
        else
            unknown.push(name);
    }
    if (unknown.length > 0) {
        const shown = unknown.map(n => `'${printable(n)}'`).join(', ');
        throw new Error(`Unknown platform ${shown}. Valid names: ${[...new Set(validNames())].join(', ')}`);
    }
    return { targets: [...new Set(targets)], all };
}
/** Names come from users: show control characters escaped, and not too much of them. */
function printable(name) {
    const escaped = JSON.stringify(name).slice(1, -1);
    return escaped.length > 40 ? `${escaped.slice(0, 40)}...` : escaped;
}

;// CONCATENATED MODULE: ./src/platform/probes.ts
// Tiny static ELF executables ("probes"), generated here byte by byte, one per QEMU target.
// Each writes `setup-binfmt probe <target>\n` to fd 1 and exits 0, so running one through
// binfmt_misc proves that the registered interpreter really runs that target's binaries.
//
// File layout: ELF header, one PT_LOAD program header (R+X) mapping the whole file at a
// fixed address, machine code, then the message. No section headers. The code loads
// absolute addresses, so every encoder below emits a fixed length whatever the operand
// values: the layout is computed from a first pass with a dummy address.
const ET_EXEC = 2;
const PT_LOAD = 1;
const PF_R_X = 5;
const PF_R_W_X = 7;
const ALIGN = 0x10000; // the largest page size among the targets (ppc64, aarch64 can use 64K)
// ---------------------------------------------------------------------------------------
// Encoding helpers
function words(endian, ...ws) {
    const out = Buffer.alloc(ws.length * 4);
    ws.forEach((w, i) => endian === 'le' ? out.writeUInt32LE(w >>> 0, i * 4) : out.writeUInt32BE(w >>> 0, i * 4));
    return out;
}
function halves(endian, ...hs) {
    const out = Buffer.alloc(hs.length * 2);
    hs.forEach((h, i) => endian === 'le' ? out.writeUInt16LE(h, i * 2) : out.writeUInt16BE(h, i * 2));
    return out;
}
function le32(v) {
    return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
}
function be32(v) {
    return le32(v).reverse();
}
/** Split v into hi, lo with v === hi * 2^bits + lo where lo is sign-extended from `bits`. */
function splitSigned(v, bits) {
    const half = 2 ** (bits - 1);
    const lo = ((v + half) % 2 ** bits) - half;
    return [(v - lo) / 2 ** bits, lo];
}
function mask(v, bits) {
    return (v & (2 ** bits - 1)) >>> 0;
}
// ---------------------------------------------------------------------------------------
// x86 (i386, x86_64): variable length, little endian
const EAX = 0;
const EDX = 2;
const EBX = 3;
const ECX = 1;
const ESI = 6;
const EDI = 7;
const x86 = {
    /** mov r32, imm32 (on x86_64 this zero-extends into the full register). */
    mov: (reg, imm) => [0xb8 + reg, ...le32(imm)],
    /** xor r32, r32: zero a register in two bytes. */
    zero: (reg) => [0x31, 0xc0 | (reg << 3) | reg],
    /** syscall: x86_64 system call. */
    syscall: [0x0f, 0x05],
    /** int 0x80: i386 system call. */
    int80: [0xcd, 0x80]
};
function x86_64(at) {
    return Buffer.from([
        ...x86.mov(EAX, 1), // eax = __NR_write
        ...x86.mov(EDI, 1), // edi = fd 1
        ...x86.mov(ESI, at.msg), // esi = message
        ...x86.mov(EDX, at.len), // edx = length
        ...x86.syscall,
        ...x86.mov(EAX, 231), // eax = __NR_exit_group
        ...x86.zero(EDI), // edi = status 0
        ...x86.syscall
    ]);
}
function i386(at) {
    return Buffer.from([
        ...x86.mov(EAX, 4), // eax = __NR_write
        ...x86.mov(EBX, 1), // ebx = fd 1
        ...x86.mov(ECX, at.msg), // ecx = message
        ...x86.mov(EDX, at.len), // edx = length
        ...x86.int80,
        ...x86.mov(EAX, 252), // eax = __NR_exit_group
        ...x86.zero(EBX), // ebx = status 0
        ...x86.int80
    ]);
}
// ---------------------------------------------------------------------------------------
// AArch64: instructions are little endian even on aarch64_be
const a64 = {
    /** movz xd, #imm16, lsl #(16*hw) */
    movz: (rd, imm, hw = 0) => 0xd2800000 | (hw << 21) | (mask(imm, 16) << 5) | rd,
    /** movk xd, #imm16, lsl #(16*hw): replace one halfword, keep the rest */
    movk: (rd, imm, hw = 0) => 0xf2800000 | (hw << 21) | (mask(imm, 16) << 5) | rd,
    /** svc #0 */
    svc: 0xd4000001
};
function aarch64(at) {
    return words('le', a64.movz(0, 1), // x0 = fd 1
    a64.movz(1, at.msg & 0xffff), // x1 = message, low half...
    a64.movk(1, at.msg >>> 16, 1), // ...and high half
    a64.movz(2, at.len), // x2 = length
    a64.movz(8, 64), // x8 = __NR_write
    a64.svc, a64.movz(0, 0), // x0 = status 0
    a64.movz(8, 94), // x8 = __NR_exit_group
    a64.svc);
}
// ---------------------------------------------------------------------------------------
// ARM (A32, EABI). armeb uses BE8 (e_flags), where instructions stay little endian.
const a32 = {
    /** movw rd, #imm16 (always): rd = imm16 */
    movw: (rd, imm) => 0xe3000000 | ((imm >>> 12) << 16) | (rd << 12) | (imm & 0xfff),
    /** movt rd, #imm16 (always): set the top half, keep the bottom */
    movt: (rd, imm) => 0xe3400000 | ((imm >>> 12) << 16) | (rd << 12) | (imm & 0xfff),
    /** svc #0 (always) */
    svc: 0xef000000
};
function arm(at) {
    return words('le', a32.movw(0, 1), // r0 = fd 1
    a32.movw(1, at.msg & 0xffff), // r1 = message, low half...
    a32.movt(1, at.msg >>> 16), // ...and high half
    a32.movw(2, at.len), // r2 = length
    a32.movw(7, 4), // r7 = __NR_write
    a32.svc, a32.movw(0, 0), // r0 = status 0
    a32.movw(7, 248), // r7 = __NR_exit_group
    a32.svc);
}
// ---------------------------------------------------------------------------------------
// RISC-V (RV32I / RV64I base instructions only), little endian
const rv = {
    /** lui rd, imm20: rd = sign-extended imm20 << 12 */
    lui: (rd, imm20) => (mask(imm20, 20) << 12) | (rd << 7) | 0x37,
    /** addi rd, rs1, imm12 */
    addi: (rd, rs1, imm12) => (mask(imm12, 12) << 20) | (rs1 << 15) | (rd << 7) | 0x13,
    /** ecall */
    ecall: 0x00000073
};
const A0 = 10;
const A1 = 11;
const A2 = 12;
const A7 = 17;
function riscv(at) {
    const [hi, lo] = splitSigned(at.msg, 12);
    return words('le', rv.addi(A0, 0, 1), // a0 = fd 1
    rv.lui(A1, hi), // a1 = message, upper 20 bits...
    rv.addi(A1, A1, lo), // ...plus the sign-extended low 12
    rv.addi(A2, 0, at.len), // a2 = length
    rv.addi(A7, 0, 64), // a7 = __NR_write
    rv.ecall, rv.addi(A0, 0, 0), // a0 = status 0
    rv.addi(A7, 0, 94), // a7 = __NR_exit_group
    rv.ecall);
}
// ---------------------------------------------------------------------------------------
// PowerPC (ppc, ppc64 big endian; ppc64le little endian): same encodings
const ppcOp = {
    /** li rd, imm (addi rd, 0, imm) */
    li: (rd, imm) => (14 << 26) | (rd << 21) | mask(imm, 16),
    /** lis rd, imm (addis rd, 0, imm): rd = sign-extended imm << 16 */
    lis: (rd, imm) => (15 << 26) | (rd << 21) | mask(imm, 16),
    /** ori ra, rs, uimm */
    ori: (ra, rs, imm) => (24 << 26) | (rs << 21) | (ra << 16) | mask(imm, 16),
    /** sc: system call, number in r0 */
    sc: 0x44000002
};
function ppc(endian) {
    return at => words(endian, ppcOp.li(3, 1), // r3 = fd 1
    ppcOp.lis(4, at.msg >>> 16), // r4 = message, high half...
    ppcOp.ori(4, 4, at.msg & 0xffff), // ...or the low half
    ppcOp.li(5, at.len), // r5 = length
    ppcOp.li(0, 4), // r0 = __NR_write
    ppcOp.sc, ppcOp.li(3, 0), // r3 = status 0
    ppcOp.li(0, 234), // r0 = __NR_exit_group
    ppcOp.sc);
}
// ---------------------------------------------------------------------------------------
// s390x: variable length (2, 4, 6 bytes), big endian
const s390 = {
    /** lghi r, imm16: r = sign-extended imm16 (RI format A7x9) */
    lghi: (r, imm) => [0xa7, (r << 4) | 0x9, ...be32(mask(imm, 16)).slice(2)],
    /** llilf r, imm32: r = zero-extended imm32 (RIL format C0xF) */
    llilf: (r, imm) => [0xc0, (r << 4) | 0xf, ...be32(imm)],
    /** svc n: system call n (numbers below 256 go in the immediate) */
    svc: (n) => [0x0a, n]
};
function s390x(at) {
    return Buffer.from([
        ...s390.lghi(2, 1), // r2 = fd 1
        ...s390.llilf(3, at.msg), // r3 = message
        ...s390.lghi(4, at.len), // r4 = length
        ...s390.svc(4), // __NR_write
        ...s390.lghi(2, 0), // r2 = status 0
        ...s390.svc(248) // __NR_exit_group
    ]);
}
// ---------------------------------------------------------------------------------------
// MIPS (o32, n32, n64 share these encodings); syscall has no delay slot
const mipsOp = {
    /** lui rt, imm: rt = sign-extended imm << 16 */
    lui: (rt, imm) => (0x0f << 26) | (rt << 16) | mask(imm, 16),
    /** ori rt, rs, imm (zero-extended imm) */
    ori: (rt, rs, imm) => (0x0d << 26) | (rs << 21) | (rt << 16) | mask(imm, 16),
    /** syscall: number in v0 */
    syscall: 0x0000000c
};
const V0 = 2;
const MA0 = 4;
const MA1 = 5;
const MA2 = 6;
/** `base` is the ABI's syscall offset: o32 4000, n64 5000, n32 6000. */
function mips(endian, base) {
    const write = base + (base === 4000 ? 4 : 1);
    const exitGroup = base + (base === 4000 ? 246 : 205);
    return at => words(endian, mipsOp.ori(MA0, 0, 1), // a0 = fd 1
    mipsOp.lui(MA1, at.msg >>> 16), // a1 = message, high half...
    mipsOp.ori(MA1, MA1, at.msg & 0xffff), // ...or the low half
    mipsOp.ori(MA2, 0, at.len), // a2 = length
    mipsOp.ori(V0, 0, write), // v0 = __NR_write
    mipsOp.syscall, mipsOp.ori(MA0, 0, 0), // a0 = status 0
    mipsOp.ori(V0, 0, exitGroup), // v0 = __NR_exit_group
    mipsOp.syscall);
}
// ---------------------------------------------------------------------------------------
// LoongArch64, little endian
const la = {
    /** lu12i.w rd, si20: rd = sign-extended si20 << 12 */
    lu12i: (rd, imm) => 0x14000000 | (mask(imm, 20) << 5) | rd,
    /** ori rd, rj, ui12 */
    ori: (rd, rj, imm) => 0x03800000 | (mask(imm, 12) << 10) | (rj << 5) | rd,
    /** syscall 0 */
    syscall: 0x002b0000
};
const LA0 = 4;
const LA1 = 5;
const LA2 = 6;
const LA7 = 11;
function loongarch64(at) {
    return words('le', la.ori(LA0, 0, 1), // a0 = fd 1
    la.lu12i(LA1, at.msg >>> 12), // a1 = message, bits 31..12...
    la.ori(LA1, LA1, at.msg & 0xfff), // ...or bits 11..0
    la.ori(LA2, 0, at.len), // a2 = length
    la.ori(LA7, 0, 64), // a7 = __NR_write
    la.syscall, la.ori(LA0, 0, 0), // a0 = status 0
    la.ori(LA7, 0, 94), // a7 = __NR_exit_group
    la.syscall);
}
// ---------------------------------------------------------------------------------------
// SPARC (sparc64 traps with `ta 0x6d`, 32-bit sparc with `ta 0x10`), big endian
const sparcOp = {
    /** sethi %hi(imm), rd: rd = imm & ~0x3ff */
    sethi: (rd, imm) => (rd << 25) | (4 << 22) | (imm >>> 10),
    /** or rs1, simm13, rd */
    or: (rd, rs1, imm) => (2 << 30) | (rd << 25) | (0x02 << 19) | (rs1 << 14) | (1 << 13) | mask(imm, 13),
    /** ta n: trap always (Tcc, cond 8, %icc) */
    ta: (n) => (2 << 30) | (8 << 25) | (0x3a << 19) | (1 << 13) | n
};
const G1 = 1;
const O0 = 8;
const O1 = 9;
const O2 = 10;
function sparc(trap) {
    return at => words('be', sparcOp.or(O0, 0, 1), // %o0 = fd 1
    sparcOp.sethi(O1, at.msg), // %o1 = message, bits 31..10...
    sparcOp.or(O1, O1, at.msg & 0x3ff), // ...or bits 9..0
    sparcOp.or(O2, 0, at.len), // %o2 = length
    sparcOp.or(G1, 0, 4), // %g1 = __NR_write
    sparcOp.ta(trap), sparcOp.or(O0, 0, 0), // %o0 = status 0
    sparcOp.or(G1, 0, 188), // %g1 = __NR_exit_group
    sparcOp.ta(trap));
}
// ---------------------------------------------------------------------------------------
// m68k: 16-bit opcode words plus extension words, big endian
const m68kOp = {
    /** moveq #imm8, dn: dn = sign-extended imm8 */
    moveq: (dn, imm) => [0x70 | (dn << 1), mask(imm, 8)],
    /** move.l #imm32, dn */
    moveImm: (dn, imm) => [0x20 | (dn << 1), 0x3c, ...be32(imm)],
    /** trap #0: system call, number in d0 */
    trap0: [0x4e, 0x40]
};
function m68k(at) {
    return Buffer.from([
        ...m68kOp.moveq(1, 1), // d1 = fd 1
        ...m68kOp.moveImm(2, at.msg), // d2 = message
        ...m68kOp.moveq(3, at.len), // d3 = length
        ...m68kOp.moveq(0, 4), // d0 = __NR_write
        ...m68kOp.trap0,
        ...m68kOp.moveq(1, 0), // d1 = status 0
        ...m68kOp.moveImm(0, 247), // d0 = __NR_exit_group (too big for moveq)
        ...m68kOp.trap0
    ]);
}
// ---------------------------------------------------------------------------------------
// SuperH (sh4 little endian, sh4eb big endian): 16-bit instructions
const shOp = {
    /** mov #imm8, rn: rn = sign-extended imm8 */
    movi: (rn, imm) => 0xe000 | (rn << 8) | mask(imm, 8),
    /** mov rm, rn */
    mov: (rn, rm) => 0x6003 | (rn << 8) | (rm << 4),
    /** extu.b rm, rn: rn = rm & 0xff */
    extub: (rn, rm) => 0x600c | (rn << 8) | (rm << 4),
    /** mova @(disp*4, pc), r0: r0 = (pc & ~3) + 4 + disp*4 */
    mova: (pc, target) => 0xc700 | mask((target - ((pc & ~3) + 4)) / 4, 8),
    /** trapa #imm: system call, number in r3 (imm 0x10 + argument count, by convention) */
    trapa: (imm) => 0xc300 | imm
};
function sh(endian) {
    // mova reaches the message PC-relatively: it is the first instruction, at `pc`.
    return at => halves(endian, shOp.mova(at.pc, at.msg), // r0 = message
    shOp.mov(5, 0), // r5 = message
    shOp.movi(4, 1), // r4 = fd 1
    shOp.movi(6, at.len), // r6 = length
    shOp.movi(3, 4), // r3 = __NR_write
    shOp.trapa(0x13), shOp.movi(4, 0), // r4 = status 0
    shOp.movi(3, 252 - 256), // r3 = 0xfffffffc...
    shOp.extub(3, 3), // ...& 0xff = 252 = __NR_exit_group
    shOp.trapa(0x11));
}
// ---------------------------------------------------------------------------------------
// Alpha, little endian
const alphaOp = {
    /** lda ra, disp(rb): ra = rb + sign-extended disp */
    lda: (ra, rb, disp) => (0x08 << 26) | (ra << 21) | (rb << 16) | mask(disp, 16),
    /** ldah ra, disp(rb): ra = rb + sign-extended disp << 16 */
    ldah: (ra, rb, disp) => (0x09 << 26) | (ra << 21) | (rb << 16) | mask(disp, 16),
    /** call_pal callsys: system call, number in v0 */
    callsys: 0x00000083
};
const ZERO = 31;
const AV0 = 0;
const AA0 = 16;
const AA1 = 17;
const AA2 = 18;
function alpha(at) {
    const [hi, lo] = splitSigned(at.msg, 16);
    return words('le', alphaOp.lda(AA0, ZERO, 1), // a0 = fd 1
    alphaOp.ldah(AA1, ZERO, hi), // a1 = message, high part...
    alphaOp.lda(AA1, AA1, lo), // ...plus the sign-extended low 16 bits
    alphaOp.lda(AA2, ZERO, at.len), // a2 = length
    alphaOp.lda(AV0, ZERO, 4), // v0 = __NR_write
    alphaOp.callsys, alphaOp.lda(AA0, ZERO, 0), // a0 = status 0
    alphaOp.lda(AV0, ZERO, 405), // v0 = __NR_exit_group
    alphaOp.callsys);
}
// ---------------------------------------------------------------------------------------
// PA-RISC (hppa), big endian. Immediates are stored with scrambled bits: the PA-RISC manual
// numbers bits from the most significant (bit 0), so these helpers do too.
/** Bit i (0 = most significant) of a `width`-bit value. */
function bitAt(v, width, i) {
    return (v >>> (width - 1 - i)) & 1;
}
/** Build a value from bits listed most significant first. */
function fromBits(bits) {
    return bits.reduce((acc, b) => acc * 2 + b, 0);
}
/**
 * The im21 field of LDIL for a 21-bit value v. The CPU computes
 * v = assemble_21(x) = x{20}, x{9..19}, x{5..6}, x{0..4}, x{7..8}; this inverts it.
 */
function hppaIm21(v) {
    const b = (i) => bitAt(v, 21, i);
    const x = [];
    for (let i = 0; i < 5; i++)
        x.push(b(14 + i)); // x{0..4} = v{14..18}
    x.push(b(12), b(13)); // x{5..6} = v{12..13}
    x.push(b(19), b(20)); // x{7..8} = v{19..20}
    for (let i = 0; i < 11; i++)
        x.push(b(1 + i)); // x{9..19} = v{1..11}
    x.push(b(0)); // x{20} = v{0}, the sign
    return fromBits(x);
}
/** low_sign_ext field of a 14-bit immediate: the sign bit moves to the least significant. */
function hppaIm14(v) {
    return (mask(v, 13) << 1) | (v < 0 ? 1 : 0);
}
const hppaOp = {
    /** ldil L%imm, t: t = imm & ~0x7ff */
    ldil: (t, imm) => (0x08 << 26) | (t << 21) | hppaIm21(imm >>> 11),
    /** ldo disp(b), t: t = b + disp (ldi when b is %r0) */
    ldo: (t, b, disp) => (0x0d << 26) | (b << 21) | (t << 16) | hppaIm14(disp),
    /**
     * ble 0x100(%sr2, %r0): branch into the kernel gateway page, which makes the system call
     * (number in %r20) and returns to %r31. Fixed operands, so the encoding is a constant.
     */
    bleGateway: 0xe4008200
};
function hppa(at) {
    return words('be', hppaOp.ldo(26, 0, 1), // %r26 = fd 1
    hppaOp.ldil(25, at.msg), // %r25 = message, bits 31..11...
    hppaOp.ldo(25, 25, at.msg & 0x7ff), // ...plus bits 10..0
    hppaOp.ldo(24, 0, at.len), // %r24 = length
    hppaOp.bleGateway, hppaOp.ldo(20, 0, 4), // (delay slot) %r20 = __NR_write
    hppaOp.ldo(26, 0, 0), // %r26 = status 0
    hppaOp.bleGateway, hppaOp.ldo(20, 0, 222) // (delay slot) %r20 = __NR_exit_group
    );
}
// ---------------------------------------------------------------------------------------
// OpenRISC 1000 (or1k), big endian
const or1kOp = {
    /** l.movhi rd, k: rd = k << 16 */
    movhi: (rd, k) => (0x06 << 26) | (rd << 21) | mask(k, 16),
    /** l.ori rd, ra, k (zero-extended k) */
    ori: (rd, ra, k) => (0x2a << 26) | (rd << 21) | (ra << 16) | mask(k, 16),
    /** l.sys 1: system call, number in r11 */
    sys: 0x20000001
};
function or1k(at) {
    return words('be', or1kOp.ori(3, 0, 1), // r3 = fd 1
    or1kOp.movhi(4, at.msg >>> 16), // r4 = message, high half...
    or1kOp.ori(4, 4, at.msg & 0xffff), // ...or the low half
    or1kOp.ori(5, 0, at.len), // r5 = length
    or1kOp.ori(11, 0, 64), // r11 = __NR_write
    or1kOp.sys, or1kOp.ori(3, 0, 0), // r3 = status 0
    or1kOp.ori(11, 0, 94), // r11 = __NR_exit_group
    or1kOp.sys);
}
// ---------------------------------------------------------------------------------------
// Xtensa: 24-bit instructions made of 4-bit fields. Big endian stores the same fields in
// reverse order, so an instruction is described by its fields and laid out per endianness.
/** RRR format: op0, t, s, r, op1, op2 from the least significant nibble in little endian. */
function rrr(e, op0, t, s, r, op1, op2) {
    return e === 'le'
        ? [(t << 4) | op0, (r << 4) | s, (op2 << 4) | op1]
        : [(op0 << 4) | t, (s << 4) | r, (op1 << 4) | op2];
}
/** RRI8 format: as RRR, with an 8-bit immediate in place of op1 and op2. */
function rri8(e, op0, t, s, r, imm8) {
    return e === 'le' ? [(t << 4) | op0, (r << 4) | s, imm8] : [(op0 << 4) | t, (s << 4) | r, imm8];
}
const xt = {
    /** movi at, imm12 (signed): imm bits 11:8 sit in the s field */
    movi: (e, t, imm) => rri8(e, 0x2, t, mask(imm, 12) >>> 8, 0xa, imm & 0xff),
    /** addi at, as, imm8 (signed) */
    addi: (e, t, s, imm) => rri8(e, 0x2, t, s, 0xc, mask(imm, 8)),
    /** slli ar, as, n: the 5-bit field holds 32 - n, in t and the low bit of op2 */
    slli: (e, r, s, n) => rrr(e, 0x0, (32 - n) & 0xf, s, r, 0x1, (32 - n) >>> 4),
    /** syscall: number in a2 */
    syscall: (e) => rrr(e, 0x0, 0, 0, 0x5, 0, 0)
};
function xtensa(e) {
    return at => {
        // msg = hi << 8 + lo, both halves small enough for movi and addi (msg < 512K).
        const [hi, lo] = splitSigned(at.msg, 8);
        if (hi >= 2048)
            throw new Error('xtensa probe: message address out of movi range');
        return Buffer.from([
            ...xt.movi(e, 6, 1), // a6 = fd 1
            ...xt.movi(e, 3, hi), // a3 = message >> 8...
            ...xt.slli(e, 3, 3, 8), // ...<< 8...
            ...xt.addi(e, 3, 3, lo), // ...plus the sign-extended low 8 bits
            ...xt.movi(e, 4, at.len), // a4 = length
            ...xt.movi(e, 2, 13), // a2 = __NR_write
            ...xt.syscall(e),
            ...xt.movi(e, 6, 0), // a6 = status 0
            ...xt.movi(e, 2, 119), // a2 = __NR_exit_group
            ...xt.syscall(e)
        ]);
    };
}
// ---------------------------------------------------------------------------------------
// Hexagon: 32-bit words grouped in packets; bits 15:14 ("parse bits") are 11 on the last
// word of a packet, 01 on a constant extender that precedes its instruction. Little endian.
const PACKET_END = 0x3 << 14;
const PACKET_MORE = 0x1 << 14;
const hex = {
    /** rd = #s16 (A2_tfrsi); imm bits 15:14, 13:9, 8:0 go to bits 23:22, 20:16, 13:5 */
    tfrsi: (rd, imm) => {
        const i = mask(imm, 16);
        return (0x78000000 |
            ((i >>> 14) << 22) |
            (((i >>> 9) & 0x1f) << 16) |
            PACKET_END |
            ((i & 0x1ff) << 5) |
            rd);
    },
    /** immext(#u26): supplies bits 31:6 of the next instruction's immediate */
    immext: (v) => {
        const u26 = v >>> 6;
        return ((u26 >>> 14) << 16) | PACKET_MORE | (u26 & 0x3fff);
    },
    /** trap0(#1): system call, number in r6 */
    trap0: 0x5400c004
};
function hexagon(at) {
    return words('le', hex.tfrsi(0, 1), // { r0 = fd 1 }
    hex.immext(at.msg), // { r1 = message: bits 31..6 from the extender...
    hex.tfrsi(1, at.msg & 0x3f), // ...bits 5..0 from the instruction }
    hex.tfrsi(2, at.len), // { r2 = length }
    hex.tfrsi(6, 64), // { r6 = __NR_write }
    hex.trap0, hex.tfrsi(0, 0), // { r0 = status 0 }
    hex.tfrsi(6, 94), // { r6 = __NR_exit_group }
    hex.trap0);
}
// ---------------------------------------------------------------------------------------
// MicroBlaze, little endian (microblazeel)
const mbOp = {
    /** imm k: supplies the upper 16 bits of the next instruction's immediate */
    imm: (k) => (0x2c << 26) | mask(k, 16),
    /** addik rd, ra, k: rd = ra + sign-extended k (or the imm-prefixed 32-bit value) */
    addik: (rd, ra, k) => (0x0c << 26) | (rd << 21) | (ra << 16) | mask(k, 16),
    /** brki r14, 0x8: system call, number in r12 */
    syscall: 0xb9cc0008
};
function microblaze(endian) {
    return at => words(endian, mbOp.addik(5, 0, 1), // r5 = fd 1
    mbOp.imm(at.msg >>> 16), // r6 = message: upper half from the prefix...
    mbOp.addik(6, 0, at.msg & 0xffff), // ...lower half here
    mbOp.addik(7, 0, at.len), // r7 = length
    mbOp.addik(12, 0, 4), // r12 = __NR_write
    mbOp.syscall, mbOp.addik(5, 0, 0), // r5 = status 0
    mbOp.addik(12, 0, 252), // r12 = __NR_exit_group
    mbOp.syscall);
}
// ---------------------------------------------------------------------------------------
// The targets
const EF_ARM_EABI5 = 0x05000000;
const EF_ARM_SOFT_FLOAT = 0x00000200;
const EF_ARM_BE8 = 0x00800000;
const EF_MIPS_NOREORDER = 0x1;
const EF_MIPS_ABI2 = 0x20; // n32
const EF_MIPS_ABI_O32 = 0x1000;
const EF_MIPS_ARCH_32R2 = 0x70000000;
const EF_MIPS_ARCH_64R2 = 0x80000000;
const ARCHES = {
    x86_64: { bits: 64, endian: 'le', machine: 62, flags: 0, base: 0x400000, code: x86_64 },
    i386: { bits: 32, endian: 'le', machine: 3, flags: 0, base: 0x08048000, code: i386 },
    // EM_486: old i486 binaries, which binfmt_misc sends to qemu-i386 as well.
    i486: { bits: 32, endian: 'le', machine: 6, flags: 0, base: 0x08048000, code: i386 },
    aarch64: { bits: 64, endian: 'le', machine: 183, flags: 0, base: 0x400000, code: aarch64 },
    aarch64_be: { bits: 64, endian: 'be', machine: 183, flags: 0, base: 0x400000, code: aarch64 },
    arm: {
        bits: 32,
        endian: 'le',
        machine: 40,
        flags: EF_ARM_EABI5 | EF_ARM_SOFT_FLOAT,
        base: 0x10000,
        code: arm
    },
    armeb: {
        bits: 32,
        endian: 'be',
        machine: 40,
        flags: EF_ARM_EABI5 | EF_ARM_BE8 | EF_ARM_SOFT_FLOAT,
        base: 0x10000,
        code: arm
    },
    // e_flags 5 = RVC | double-float ABI, as distributions build; the probe uses neither.
    riscv64: { bits: 64, endian: 'le', machine: 243, flags: 0x5, base: 0x10000, code: riscv },
    riscv32: { bits: 32, endian: 'le', machine: 243, flags: 0x5, base: 0x10000, code: riscv },
    // ppc64le is ELFv2 (e_flags 2): e_entry is code. ppc64 is ELFv1: e_entry is a descriptor.
    ppc64le: { bits: 64, endian: 'le', machine: 21, flags: 2, base: 0x10000000, code: ppc('le') },
    ppc64: {
        bits: 64,
        endian: 'be',
        machine: 21,
        flags: 1,
        base: 0x10000000,
        code: ppc('be'),
        descriptor: true
    },
    ppc: { bits: 32, endian: 'be', machine: 20, flags: 0, base: 0x10000000, code: ppc('be') },
    s390x: { bits: 64, endian: 'be', machine: 22, flags: 0, base: 0x1000000, code: s390x },
    // n64 is told by ELFCLASS64 alone; o32 and n32 both are ELFCLASS32 and differ in EF_MIPS_ABI2.
    mips64el: {
        bits: 64,
        endian: 'le',
        machine: 8,
        flags: EF_MIPS_ARCH_64R2 | EF_MIPS_NOREORDER,
        base: 0x400000,
        code: mips('le', 5000)
    },
    mips64: {
        bits: 64,
        endian: 'be',
        machine: 8,
        flags: EF_MIPS_ARCH_64R2 | EF_MIPS_NOREORDER,
        base: 0x400000,
        code: mips('be', 5000)
    },
    mips: {
        bits: 32,
        endian: 'be',
        machine: 8,
        flags: EF_MIPS_ARCH_32R2 | EF_MIPS_ABI_O32 | EF_MIPS_NOREORDER,
        base: 0x400000,
        code: mips('be', 4000)
    },
    mipsel: {
        bits: 32,
        endian: 'le',
        machine: 8,
        flags: EF_MIPS_ARCH_32R2 | EF_MIPS_ABI_O32 | EF_MIPS_NOREORDER,
        base: 0x400000,
        code: mips('le', 4000)
    },
    mipsn32: {
        bits: 32,
        endian: 'be',
        machine: 8,
        flags: EF_MIPS_ARCH_64R2 | EF_MIPS_ABI2 | EF_MIPS_NOREORDER,
        base: 0x400000,
        code: mips('be', 6000)
    },
    mipsn32el: {
        bits: 32,
        endian: 'le',
        machine: 8,
        flags: EF_MIPS_ARCH_64R2 | EF_MIPS_ABI2 | EF_MIPS_NOREORDER,
        base: 0x400000,
        code: mips('le', 6000)
    },
    // e_flags 0x43 = object ABI v1, LP64D.
    loongarch64: {
        bits: 64,
        endian: 'le',
        machine: 258,
        flags: 0x43,
        base: 0x400000,
        code: loongarch64
    },
    sparc64: { bits: 64, endian: 'be', machine: 43, flags: 0, base: 0x100000, code: sparc(0x6d) },
    sparc: { bits: 32, endian: 'be', machine: 2, flags: 0, base: 0x10000, code: sparc(0x10) },
    // EM_SPARC32PLUS with EF_SPARC_32PLUS: 32-bit code for V8+ CPUs.
    sparc32plus: {
        bits: 32,
        endian: 'be',
        machine: 18,
        flags: 0x100,
        base: 0x10000,
        code: sparc(0x10)
    },
    m68k: { bits: 32, endian: 'be', machine: 4, flags: 0, base: 0x80000000, code: m68k },
    // e_flags 9 = EF_SH4.
    sh4: { bits: 32, endian: 'le', machine: 42, flags: 9, base: 0x400000, code: sh('le') },
    sh4eb: { bits: 32, endian: 'be', machine: 42, flags: 9, base: 0x400000, code: sh('be') },
    // EM_ALPHA's unofficial number, which Linux and QEMU use.
    alpha: { bits: 64, endian: 'le', machine: 0x9026, flags: 0, base: 0x10000, code: alpha },
    // e_flags 0x210 = PA-RISC 1.1.
    hppa: { bits: 32, endian: 'be', machine: 15, flags: 0x210, base: 0x10000, code: hppa },
    or1k: { bits: 32, endian: 'be', machine: 92, flags: 0, base: 0x10000, code: or1k },
    xtensa: { bits: 32, endian: 'le', machine: 94, flags: 0x300, base: 0x10000, code: xtensa('le') },
    xtensaeb: {
        bits: 32,
        endian: 'be',
        machine: 94,
        flags: 0x300,
        base: 0x10000,
        code: xtensa('be')
    },
    // e_flags 0x60 = Hexagon V60; QEMU 7.2 accepts only the versions it knows.
    hexagon: { bits: 32, endian: 'le', machine: 164, flags: 0x60, base: 0x10000, code: hexagon },
    // EM_MICROBLAZE_OLD (0xbaab), which QEMU's binfmt registration matches (not EM_MICROBLAZE).
    // No big-endian microblaze: QEMU's registration for it wants e_type bytes 02 00, which in
    // big endian is no valid e_type, so no loadable binary can match it.
    microblazeel: {
        bits: 32,
        endian: 'le',
        machine: 0xbaab,
        flags: 0,
        base: 0x10000,
        code: microblaze('le')
    }
};
/** The QEMU targets (names as in targets.ts) that probeProgram can build. */
const PROBE_TARGETS = Object.freeze(Object.keys(ARCHES));
/** The line a probe for `target` prints, without the newline. */
function probes_probeMarker(target) {
    return `setup-binfmt probe ${target}`;
}
// ---------------------------------------------------------------------------------------
// ELF writer
function align(n, to) {
    return Math.ceil(n / to) * to;
}
class Writer {
    buf;
    endian;
    constructor(buf, endian) {
        this.buf = buf;
        this.endian = endian;
    }
    u8(at, v) {
        this.buf.writeUInt8(v, at);
    }
    u16(at, v) {
        if (this.endian === 'le')
            this.buf.writeUInt16LE(v, at);
        else
            this.buf.writeUInt16BE(v, at);
    }
    u32(at, v) {
        if (this.endian === 'le')
            this.buf.writeUInt32LE(v >>> 0, at);
        else
            this.buf.writeUInt32BE(v >>> 0, at);
    }
    u64(at, v) {
        if (this.endian === 'le')
            this.buf.writeBigUInt64LE(BigInt(v), at);
        else
            this.buf.writeBigUInt64BE(BigInt(v), at);
    }
    /** An address or offset: 4 bytes in ELFCLASS32, 8 in ELFCLASS64. */
    word(bits, at, v) {
        if (bits === 64)
            this.u64(at, v);
        else
            this.u32(at, v);
    }
}
function archOf(target) {
    const arch = Object.hasOwn(ARCHES, target) ? ARCHES[target] : undefined;
    if (!arch) {
        throw new Error(`No probe for QEMU target '${target}'; supported: ${PROBE_TARGETS.join(', ')}`);
    }
    return arch;
}
/**
 * A static ELF executable for `target` (a name from PROBE_TARGETS) that prints
 * `probeMarker(target)` and a newline to stdout and exits 0.
 */
function probes_probeProgram(target) {
    const arch = archOf(target);
    const message = Buffer.from(`${probes_probeMarker(target)}\n`, 'ascii');
    return writeElf(target, arch, {
        code: (pc, msg) => arch.code({ pc, msg, len: message.length }),
        data: message,
        bss: 0
    });
}
function writeElf(target, arch, image) {
    const is64 = arch.bits === 64;
    const ehsize = is64 ? 64 : 52;
    const phentsize = is64 ? 56 : 32;
    const codeOff = ehsize + phentsize;
    // First pass only measures the code: encoders emit the same length for any address.
    const size = image.code(0, 0, 0).length;
    const descOff = arch.descriptor ? align(codeOff + size, 8) : undefined;
    const dataOff = align(descOff === undefined ? codeOff + size : descOff + 24, 4);
    const total = dataOff + image.data.length;
    const bssOff = align(total, 16);
    const code = image.code(arch.base + codeOff, arch.base + dataOff, arch.base + bssOff);
    if (code.length !== size)
        throw new Error(`${target} probe: code length depends on addresses`);
    const memsz = image.bss > 0 ? bssOff + image.bss : total;
    const segFlags = image.bss > 0 ? PF_R_W_X : PF_R_X;
    const w = new Writer(Buffer.alloc(total), arch.endian);
    // e_ident: magic, class, data encoding, version 1, OS ABI System V; the rest is padding.
    w.buf.write('\x7fELF', 0, 'latin1');
    w.u8(4, is64 ? 2 : 1);
    w.u8(5, arch.endian === 'le' ? 1 : 2);
    w.u8(6, 1);
    w.u16(16, ET_EXEC);
    w.u16(18, arch.machine);
    w.u32(20, 1); // e_version
    const entry = arch.base + (descOff ?? codeOff);
    // Class-dependent offsets: e_entry, e_phoff, e_shoff (0), then e_flags and sizes.
    const wordSize = is64 ? 8 : 4;
    w.word(arch.bits, 24, entry);
    w.word(arch.bits, 24 + wordSize, ehsize); // e_phoff: program header right after this one
    const rest = 24 + 3 * wordSize;
    w.u32(rest, arch.flags);
    w.u16(rest + 4, ehsize);
    w.u16(rest + 6, phentsize);
    w.u16(rest + 8, 1); // e_phnum; e_shentsize, e_shnum and e_shstrndx stay 0
    // The single PT_LOAD maps the whole file, headers included, then any zeroed bss.
    const ph = ehsize;
    w.u32(ph, PT_LOAD);
    if (is64) {
        w.u32(ph + 4, segFlags);
        w.u64(ph + 8, 0); // p_offset
        w.u64(ph + 16, arch.base); // p_vaddr
        w.u64(ph + 24, arch.base); // p_paddr
        w.u64(ph + 32, total); // p_filesz
        w.u64(ph + 40, memsz); // p_memsz
        w.u64(ph + 48, ALIGN);
    }
    else {
        w.u32(ph + 4, 0); // p_offset
        w.u32(ph + 8, arch.base); // p_vaddr
        w.u32(ph + 12, arch.base); // p_paddr
        w.u32(ph + 16, total); // p_filesz
        w.u32(ph + 20, memsz); // p_memsz
        w.u32(ph + 24, segFlags);
        w.u32(ph + 28, ALIGN);
    }
    code.copy(w.buf, codeOff);
    if (descOff !== undefined) {
        // ELFv1 function descriptor: code address, TOC pointer (unused), environment (unused).
        w.u64(descOff, arch.base + codeOff);
    }
    image.data.copy(w.buf, dataOff);
    return w.buf;
}
const DEEP_BUF = 4096;
const PROC_SELF_EXE = Buffer.from('/proc/self/exe\0', 'ascii');
/** AArch64 (generic syscall table: geteuid 175, write 64, readlinkat 78, exit_group 94). */
function aarch64Deep(at) {
    const SP = 31;
    const addr = (rd, v) => [a64.movz(rd, v & 0xffff), a64.movk(rd, v >>> 16, 1)];
    const op = {
        /** str wt, [xn]: store 32 bits */
        str32: (rt, rn) => 0xb9000000 | (rn << 5) | rt,
        /** ldr xt, [xn, #imm] (imm a multiple of 8) */
        ldr: (rt, rn, imm) => 0xf9400000 | ((imm / 8) << 10) | (rn << 5) | rt,
        /** ldrb wt, [xn, xm] */
        ldrb: (rt, rn, rm) => 0x38606800 | (rm << 16) | (rn << 5) | rt,
        /** add xd, xn, #imm12 */
        addi: (rd, rn, imm) => 0x91000000 | (imm << 10) | (rn << 5) | rd,
        /** cbnz wt, by `insns` instructions (negative: back) */
        cbnz: (rt, insns) => 0x35000000 | (mask(insns, 19) << 5) | rt,
        /** movn xd, #imm16: xd = ~imm16 */
        movn: (rd, imm) => 0x92800000 | (imm << 5) | rd,
        /** mov xd, xm (orr xd, xzr, xm) */
        mov: (rd, rm) => 0xaa0003e0 | (rm << 16) | rd
    };
    return words('le', a64.movz(8, 175), // x8 = __NR_geteuid
    a64.svc, // x0 = euid
    ...addr(1, at.buf), // x1 = buffer
    op.str32(0, 1), // buffer = euid (32 bits)
    a64.movz(0, 1), // x0 = fd 1
    a64.movz(2, 4), // x2 = 4 bytes
    a64.movz(8, 64), // x8 = __NR_write
    a64.svc, op.ldr(1, SP, 8), // x1 = argv[0] (sp points to argc)
    a64.movz(2, 0), // x2 = 0
    op.ldrb(3, 1, 2), // loop: w3 = argv[0][x2]
    op.addi(2, 2, 1), //   x2 += 1
    op.cbnz(3, -2), //   until the NUL, counted
    a64.movz(0, 1), // x0 = fd 1
    a64.movz(8, 64), // x8 = __NR_write
    a64.svc, // write(1, argv[0], x2)
    op.movn(0, 99), // x0 = AT_FDCWD (-100)
    ...addr(1, at.path), // x1 = "/proc/self/exe"
    ...addr(2, at.buf), // x2 = buffer
    a64.movz(3, DEEP_BUF), // x3 = its size
    a64.movz(8, 78), // x8 = __NR_readlinkat
    a64.svc, // x0 = length
    op.mov(2, 0), // x2 = length
    ...addr(1, at.buf), // x1 = buffer
    a64.movz(0, 1), // x0 = fd 1
    a64.movz(8, 64), // x8 = __NR_write
    a64.svc, a64.movz(0, 0), // x0 = status 0
    a64.movz(8, 94), // x8 = __NR_exit_group
    a64.svc);
}
/** ARM EABI (geteuid32 201, write 4, readlink 85, exit_group 248). */
function armDeep(at) {
    const addr = (rd, v) => [a32.movw(rd, v & 0xffff), a32.movt(rd, v >>> 16)];
    const op = {
        /** str rt, [rn] */
        str: (rt, rn) => 0xe5800000 | (rn << 16) | (rt << 12),
        /** ldr rt, [rn, #imm12] */
        ldr: (rt, rn, imm) => 0xe5900000 | (rn << 16) | (rt << 12) | imm,
        /** ldrb rt, [rn, rm] */
        ldrb: (rt, rn, rm) => 0xe7d00000 | (rn << 16) | (rt << 12) | rm,
        /** add rd, rn, #imm8 */
        addi: (rd, rn, imm) => 0xe2800000 | (rn << 16) | (rd << 12) | imm,
        /** cmp rn, #imm8 */
        cmpi: (rn, imm) => 0xe3500000 | (rn << 16) | imm,
        /** bne by `insns` instructions from this one (the pc reads 2 ahead) */
        bne: (insns) => 0x1a000000 | mask(insns - 2, 24),
        /** mov rd, rm */
        mov: (rd, rm) => 0xe1a00000 | (rd << 12) | rm
    };
    return words('le', a32.movw(7, 201), // r7 = __NR_geteuid32
    a32.svc, // r0 = euid
    ...addr(1, at.buf), // r1 = buffer
    op.str(0, 1), // buffer = euid
    a32.movw(0, 1), // r0 = fd 1
    a32.movw(2, 4), // r2 = 4 bytes
    a32.movw(7, 4), // r7 = __NR_write
    a32.svc, op.ldr(1, 13, 4), // r1 = argv[0] (sp points to argc)
    a32.movw(2, 0), // r2 = 0
    op.ldrb(3, 1, 2), // loop: r3 = argv[0][r2]
    op.addi(2, 2, 1), //   r2 += 1
    op.cmpi(3, 0), op.bne(-3), //   until the NUL, counted
    a32.movw(0, 1), // r0 = fd 1
    a32.movw(7, 4), // r7 = __NR_write
    a32.svc, // write(1, argv[0], r2)
    ...addr(0, at.path), // r0 = "/proc/self/exe"
    ...addr(1, at.buf), // r1 = buffer
    a32.movw(2, DEEP_BUF), // r2 = its size
    a32.movw(7, 85), // r7 = __NR_readlink
    a32.svc, // r0 = length
    op.mov(2, 0), // r2 = length
    ...addr(1, at.buf), // r1 = buffer
    a32.movw(0, 1), // r0 = fd 1
    a32.movw(7, 4), // r7 = __NR_write
    a32.svc, a32.movw(0, 0), // r0 = status 0
    a32.movw(7, 248), // r7 = __NR_exit_group
    a32.svc);
}
/** RISC-V 64 (generic syscall table, as aarch64). */
function riscvDeep(at) {
    const SP = 2;
    const T0 = 5;
    const T1 = 6;
    const A3 = 13;
    const addr = (rd, v) => {
        const [hi, lo] = splitSigned(v, 12);
        return [rv.lui(rd, hi), rv.addi(rd, rd, lo)];
    };
    const op = {
        /** sw rs2, 0(rs1) */
        sw: (rs2, rs1) => (rs2 << 20) | (rs1 << 15) | (2 << 12) | 0x23,
        /** ld rd, imm(rs1) */
        ld: (rd, rs1, imm) => (mask(imm, 12) << 20) | (rs1 << 15) | (3 << 12) | (rd << 7) | 0x03,
        /** lbu rd, 0(rs1) */
        lbu: (rd, rs1) => (rs1 << 15) | (4 << 12) | (rd << 7) | 0x03,
        /** add rd, rs1, rs2 */
        add: (rd, rs1, rs2) => (rs2 << 20) | (rs1 << 15) | (rd << 7) | 0x33,
        /** bne rs1, zero, by `bytes` (even, within +-4K) */
        bnez: (rs1, bytes) => {
            const b = mask(bytes, 13);
            return ((((b >>> 12) & 1) << 31) |
                (((b >>> 5) & 0x3f) << 25) |
                (rs1 << 15) |
                (1 << 12) |
                (((b >>> 1) & 0xf) << 8) |
                (((b >>> 11) & 1) << 7) |
                0x63);
        }
    };
    return words('le', rv.addi(A7, 0, 175), // a7 = __NR_geteuid
    rv.ecall, // a0 = euid
    ...addr(A1, at.buf), // a1 = buffer
    op.sw(A0, A1), // buffer = euid (32 bits)
    rv.addi(A0, 0, 1), // a0 = fd 1
    rv.addi(A2, 0, 4), // a2 = 4 bytes
    rv.addi(A7, 0, 64), // a7 = __NR_write
    rv.ecall, op.ld(A1, SP, 8), // a1 = argv[0] (sp points to argc)
    rv.addi(A2, 0, 0), // a2 = 0
    op.add(T0, A1, A2), // loop: t0 = &argv[0][a2]
    op.lbu(T1, T0), //   t1 = *t0
    rv.addi(A2, A2, 1), //   a2 += 1
    op.bnez(T1, -12), //   until the NUL, counted
    rv.addi(A0, 0, 1), // a0 = fd 1
    rv.addi(A7, 0, 64), // a7 = __NR_write
    rv.ecall, // write(1, argv[0], a2)
    rv.addi(A0, 0, -100), // a0 = AT_FDCWD
    ...addr(A1, at.path), // a1 = "/proc/self/exe"
    ...addr(A2, at.buf), // a2 = buffer
    rv.lui(A3, DEEP_BUF >>> 12), // a3 = its size
    rv.addi(A7, 0, 78), // a7 = __NR_readlinkat
    rv.ecall, // a0 = length
    rv.addi(A2, A0, 0), // a2 = length
    ...addr(A1, at.buf), // a1 = buffer
    rv.addi(A0, 0, 1), // a0 = fd 1
    rv.addi(A7, 0, 64), // a7 = __NR_write
    rv.ecall, rv.addi(A0, 0, 0), // a0 = status 0
    rv.addi(A7, 0, 94), // a7 = __NR_exit_group
    rv.ecall);
}
/**
 * PowerPC 64 (geteuid 49, write 4, readlink 85, exit_group 234). The kernel may change
 * r0 and r4-r12 in a system call, so each one gets its arguments afresh.
 */
function ppcDeep(endian) {
    const op = {
        /** stw rs, 0(ra) */
        stw: (rs, ra) => (36 << 26) | (rs << 21) | (ra << 16),
        /** ld rt, ds(ra) (ds a multiple of 4) */
        ld: (rt, ra, ds) => (58 << 26) | (rt << 21) | (ra << 16) | ds,
        /** lbzx rt, ra, rb */
        lbzx: (rt, ra, rb) => (31 << 26) | (rt << 21) | (ra << 16) | (rb << 11) | (87 << 1),
        /** addi rd, ra, imm */
        addi: (rd, ra, imm) => (14 << 26) | (rd << 21) | (ra << 16) | mask(imm, 16),
        /** cmpwi cr0, ra, imm */
        cmpwi: (ra, imm) => (11 << 26) | (ra << 16) | mask(imm, 16),
        /** bne cr0, by `bytes` */
        bne: (bytes) => (16 << 26) | (4 << 21) | (2 << 16) | mask(bytes, 16),
        /** mr ra, rs (or ra, rs, rs) */
        mr: (ra, rs) => (31 << 26) | (rs << 21) | (ra << 16) | (rs << 11) | (444 << 1)
    };
    const addr = (rd, v) => [ppcOp.lis(rd, v >>> 16), ppcOp.ori(rd, rd, v & 0xffff)];
    return at => words(endian, ppcOp.li(0, 49), // r0 = __NR_geteuid
    ppcOp.sc, // r3 = euid
    ...addr(4, at.buf), // r4 = buffer
    op.stw(3, 4), // buffer = euid
    ppcOp.li(3, 1), // r3 = fd 1
    ppcOp.li(5, 4), // r5 = 4 bytes
    ppcOp.li(0, 4), // r0 = __NR_write
    ppcOp.sc, op.ld(4, 1, 8), // r4 = argv[0] (r1 points to argc)
    ppcOp.li(5, 0), // r5 = 0
    op.lbzx(6, 4, 5), // loop: r6 = argv[0][r5]
    op.addi(5, 5, 1), //   r5 += 1
    op.cmpwi(6, 0), op.bne(-12), //   until the NUL, counted
    ppcOp.li(3, 1), // r3 = fd 1
    ppcOp.li(0, 4), // r0 = __NR_write
    ppcOp.sc, // write(1, argv[0], r5)
    ...addr(3, at.path), // r3 = "/proc/self/exe"
    ...addr(4, at.buf), // r4 = buffer
    ppcOp.li(5, DEEP_BUF), // r5 = its size
    ppcOp.li(0, 85), // r0 = __NR_readlink
    ppcOp.sc, // r3 = length (an errno, with cr0.SO set, on failure)
    op.mr(5, 3), // r5 = length
    ...addr(4, at.buf), // r4 = buffer
    ppcOp.li(3, 1), // r3 = fd 1
    ppcOp.li(0, 4), // r0 = __NR_write
    ppcOp.sc, ppcOp.li(3, 0), // r3 = status 0
    ppcOp.li(0, 234), // r0 = __NR_exit_group
    ppcOp.sc);
}
/** s390x (geteuid 201, write 4, readlink 85, exit_group 248; the result comes in r2). */
function s390xDeep(at) {
    const op = {
        /** st r1, 0(r2): store 32 bits (RX) */
        st: (r, base) => [0x50, r << 4, base << 4, 0x00],
        /** lg r, d(base): load 64 bits (RXY, d < 4K) */
        lg: (r, base, d) => [
            0xe3,
            r << 4,
            (base << 4) | (d >>> 8),
            d & 0xff,
            0,
            0x04
        ],
        /** llgc r, 0(index, base): load one byte, zero-extended (RXY) */
        llgc: (r, index, base) => [
            0xe3,
            (r << 4) | index,
            base << 4,
            0,
            0,
            0x90
        ],
        /** aghi r, imm16 */
        aghi: (r, imm) => [0xa7, (r << 4) | 0xb, ...be32(mask(imm, 16)).slice(2)],
        /** ltgr r, r: set the condition code from r */
        ltgr: (r) => [0xb9, 0x02, 0x00, (r << 4) | r],
        /** jne by `bytes` from this instruction (brc 7) */
        jne: (bytes) => [0xa7, 0x74, ...be32(mask(bytes / 2, 16)).slice(2)],
        /** lgr r1, r2 */
        lgr: (r1, r2) => [0xb9, 0x04, 0x00, (r1 << 4) | r2]
    };
    return Buffer.from([
        ...s390.svc(201), // r2 = euid (__NR_geteuid)
        ...s390.llilf(3, at.buf), // r3 = buffer
        ...op.st(2, 3), // buffer = euid
        ...s390.lghi(2, 1), // r2 = fd 1
        ...s390.lghi(4, 4), // r4 = 4 bytes
        ...s390.svc(4), // __NR_write
        ...op.lg(3, 15, 8), // r3 = argv[0] (r15 points to argc)
        ...s390.lghi(4, 0), // r4 = 0
        ...op.llgc(5, 4, 3), // loop: r5 = argv[0][r4]
        ...op.aghi(4, 1), //   r4 += 1
        ...op.ltgr(5),
        ...op.jne(-14), //   until the NUL, counted
        ...s390.lghi(2, 1), // r2 = fd 1
        ...s390.svc(4), // write(1, argv[0], r4)
        ...s390.llilf(2, at.path), // r2 = "/proc/self/exe"
        ...s390.llilf(3, at.buf), // r3 = buffer
        ...s390.lghi(4, DEEP_BUF), // r4 = its size
        ...s390.svc(85), // r2 = length (__NR_readlink)
        ...op.lgr(4, 2), // r4 = length
        ...s390.llilf(3, at.buf), // r3 = buffer
        ...s390.lghi(2, 1), // r2 = fd 1
        ...s390.svc(4), // __NR_write
        ...s390.lghi(2, 0), // r2 = status 0
        ...s390.svc(248) // __NR_exit_group
    ]);
}
/** x86_64 (geteuid 107, write 1, readlink 89, exit_group 231); addresses fit in 32 bits. */
function x86_64Deep(at) {
    return Buffer.from([
        ...x86.mov(EAX, 107), // eax = __NR_geteuid
        ...x86.syscall, // eax = euid
        ...[0x89, 0x04, 0x25, ...le32(at.buf)], // mov [buffer], eax
        ...x86.mov(EAX, 1), // eax = __NR_write
        ...x86.mov(EDI, 1), // edi = fd 1
        ...x86.mov(ESI, at.buf), // esi = buffer
        ...x86.mov(EDX, 4), // edx = 4 bytes
        ...x86.syscall,
        ...[0x48, 0x8b, 0x74, 0x24, 0x08], // mov rsi, [rsp + 8]: argv[0] (rsp points to argc)
        ...x86.zero(EDX), // edx = 0
        ...[0x0f, 0xb6, 0x0c, 0x16], // loop: movzx ecx, byte [rsi + rdx]
        ...[0xff, 0xc2], //   inc edx
        ...[0x85, 0xc9], //   test ecx, ecx
        ...[0x75, 0xf6], //   jnz loop (10 bytes back): until the NUL, counted
        ...x86.mov(EAX, 1), // eax = __NR_write
        ...x86.mov(EDI, 1), // edi = fd 1
        ...x86.syscall, // write(1, argv[0], edx)
        ...x86.mov(EAX, 89), // eax = __NR_readlink
        ...x86.mov(EDI, at.path), // edi = "/proc/self/exe"
        ...x86.mov(ESI, at.buf), // esi = buffer
        ...x86.mov(EDX, DEEP_BUF), // edx = its size
        ...x86.syscall, // eax = length
        ...[0x89, 0xc2], // mov edx, eax
        ...x86.mov(EAX, 1), // eax = __NR_write
        ...x86.mov(EDI, 1), // edi = fd 1
        ...x86.mov(ESI, at.buf), // esi = buffer
        ...x86.syscall,
        ...x86.mov(EAX, 231), // eax = __NR_exit_group
        ...x86.zero(EDI), // edi = status 0
        ...x86.syscall
    ]);
}
/**
 * MIPS n64 (geteuid 5105, write 5001, readlink 5087, exit_group 5205). Branches have a delay
 * slot (filled with a nop); the kernel keeps a0-a2 across a system call.
 */
function mips64Deep(endian) {
    const SP = 29;
    const T0 = 12;
    const T1 = 13;
    const op = {
        /** sw rt, 0(base) */
        sw: (rt, base) => (0x2b << 26) | (base << 21) | (rt << 16),
        /** ld rt, off(base) */
        ld: (rt, base, off) => (0x37 << 26) | (base << 21) | (rt << 16) | off,
        /** lbu rt, 0(base) */
        lbu: (rt, base) => (0x24 << 26) | (base << 21) | (rt << 16),
        /** daddu rd, rs, rt */
        daddu: (rd, rs, rt) => (rs << 21) | (rt << 16) | (rd << 11) | 0x2d,
        /** daddiu rt, rs, imm */
        daddiu: (rt, rs, imm) => (0x19 << 26) | (rs << 21) | (rt << 16) | mask(imm, 16),
        /** bne rs, zero, by `insns` from the delay slot */
        bnez: (rs, insns) => (0x05 << 26) | (rs << 21) | mask(insns, 16),
        nop: 0
    };
    const addr = (rt, v) => [mipsOp.lui(rt, v >>> 16), mipsOp.ori(rt, rt, v & 0xffff)];
    return at => words(endian, mipsOp.ori(V0, 0, 5105), // v0 = __NR_geteuid
    mipsOp.syscall, // v0 = euid
    ...addr(MA1, at.buf), // a1 = buffer
    op.sw(V0, MA1), // buffer = euid
    mipsOp.ori(MA0, 0, 1), // a0 = fd 1
    mipsOp.ori(MA2, 0, 4), // a2 = 4 bytes
    mipsOp.ori(V0, 0, 5001), // v0 = __NR_write
    mipsOp.syscall, op.ld(MA1, SP, 8), // a1 = argv[0] (sp points to argc)
    mipsOp.ori(MA2, 0, 0), // a2 = 0
    op.daddu(T0, MA1, MA2), // loop: t0 = &argv[0][a2]
    op.lbu(T1, T0), //   t1 = *t0
    op.daddiu(MA2, MA2, 1), //   a2 += 1
    op.bnez(T1, -4), //   until the NUL, counted
    op.nop, //   (delay slot)
    mipsOp.ori(MA0, 0, 1), // a0 = fd 1
    mipsOp.ori(V0, 0, 5001), // v0 = __NR_write
    mipsOp.syscall, // write(1, argv[0], a2)
    ...addr(MA0, at.path), // a0 = "/proc/self/exe"
    ...addr(MA1, at.buf), // a1 = buffer
    mipsOp.ori(MA2, 0, DEEP_BUF), // a2 = its size
    mipsOp.ori(V0, 0, 5087), // v0 = __NR_readlink
    mipsOp.syscall, // v0 = length (an errno, with a3 set, on failure)
    op.daddu(MA2, V0, 0), // a2 = length
    ...addr(MA1, at.buf), // a1 = buffer
    mipsOp.ori(MA0, 0, 1), // a0 = fd 1
    mipsOp.ori(V0, 0, 5001), // v0 = __NR_write
    mipsOp.syscall, mipsOp.ori(MA0, 0, 0), // a0 = status 0
    mipsOp.ori(V0, 0, 5205), // v0 = __NR_exit_group
    mipsOp.syscall);
}
/** LoongArch64 (generic syscall table, as aarch64). */
function loongarch64Deep(at) {
    const SP = 3;
    const LA3 = 7;
    const T1 = 13;
    const op = {
        /** st.w rd, rj, 0 */
        stw: (rd, rj) => 0x29800000 | (rj << 5) | rd,
        /** ld.d rd, rj, si12 */
        ldd: (rd, rj, imm) => 0x28c00000 | (mask(imm, 12) << 10) | (rj << 5) | rd,
        /** ldx.bu rd, rj, rk */
        ldxbu: (rd, rj, rk) => 0x38200000 | (rk << 10) | (rj << 5) | rd,
        /** addi.d rd, rj, si12 */
        addid: (rd, rj, imm) => 0x02c00000 | (mask(imm, 12) << 10) | (rj << 5) | rd,
        /** bnez rj, by `insns` from this one */
        bnez: (rj, insns) => {
            const o = mask(insns, 21);
            return 0x44000000 | ((o & 0xffff) << 10) | (rj << 5) | (o >>> 16);
        },
        /** or rd, rj, zero: move */
        move: (rd, rj) => 0x00150000 | (rj << 5) | rd
    };
    const addr = (rd, v) => [la.lu12i(rd, v >>> 12), la.ori(rd, rd, v & 0xfff)];
    return words('le', la.ori(LA7, 0, 175), // a7 = __NR_geteuid
    la.syscall, // a0 = euid
    ...addr(LA1, at.buf), // a1 = buffer
    op.stw(LA0, LA1), // buffer = euid
    la.ori(LA0, 0, 1), // a0 = fd 1
    la.ori(LA2, 0, 4), // a2 = 4 bytes
    la.ori(LA7, 0, 64), // a7 = __NR_write
    la.syscall, op.ldd(LA1, SP, 8), // a1 = argv[0] (sp points to argc)
    la.ori(LA2, 0, 0), // a2 = 0
    op.ldxbu(T1, LA1, LA2), // loop: t1 = argv[0][a2]
    op.addid(LA2, LA2, 1), //   a2 += 1
    op.bnez(T1, -2), //   until the NUL, counted
    la.ori(LA0, 0, 1), // a0 = fd 1
    la.ori(LA7, 0, 64), // a7 = __NR_write
    la.syscall, // write(1, argv[0], a2)
    op.addid(LA0, 0, -100), // a0 = AT_FDCWD
    ...addr(LA1, at.path), // a1 = "/proc/self/exe"
    ...addr(LA2, at.buf), // a2 = buffer
    la.lu12i(LA3, DEEP_BUF >>> 12), // a3 = its size
    la.ori(LA7, 0, 78), // a7 = __NR_readlinkat
    la.syscall, // a0 = length
    op.move(LA2, LA0), // a2 = length
    ...addr(LA1, at.buf), // a1 = buffer
    la.ori(LA0, 0, 1), // a0 = fd 1
    la.ori(LA7, 0, 64), // a7 = __NR_write
    la.syscall, la.ori(LA0, 0, 0), // a0 = status 0
    la.ori(LA7, 0, 94), // a7 = __NR_exit_group
    la.syscall);
}
const DEEP = {
    x86_64: x86_64Deep,
    aarch64: aarch64Deep,
    arm: armDeep,
    riscv64: riscvDeep,
    ppc64le: ppcDeep('le'),
    s390x: s390xDeep,
    mips64el: mips64Deep('le'),
    mips64: mips64Deep('be'),
    loongarch64: loongarch64Deep
};
/** The QEMU targets deepProbeProgram can build. */
const DEEP_PROBE_TARGETS = Object.freeze(Object.keys(DEEP));
/** A static ELF for `target` (one of DEEP_PROBE_TARGETS) that writes what parseDeepProbe reads. */
function deepProbeProgram(target) {
    const code = Object.hasOwn(DEEP, target) ? DEEP[target] : undefined;
    if (!code) {
        throw new Error(`No deep probe for QEMU target '${target}'; supported: ${DEEP_PROBE_TARGETS.join(', ')}`);
    }
    return writeElf(target, archOf(target), {
        code: (_pc, path, buf) => code({ path, buf }),
        data: PROC_SELF_EXE,
        bss: DEEP_BUF
    });
}
/** Read a deep probe's output (as bytes, or a latin1 string); undefined when it is cut short. */
function parseDeepProbe(target, out) {
    const bytes = typeof out === 'string' ? Buffer.from(out, 'latin1') : out;
    const nul = bytes.indexOf(0, 4);
    if (bytes.length < 4 || nul < 0)
        return undefined;
    const le = archOf(target).endian === 'le';
    return {
        euid: le ? bytes.readUInt32LE(0) : bytes.readUInt32BE(0),
        argv0: bytes.subarray(4, nul).toString('utf8'),
        exe: bytes.subarray(nul + 1).toString('utf8')
    };
}

;// CONCATENATED MODULE: ./src/util/temp.ts
// Temporary folders: under RUNNER_TEMP on a runner (the runner empties it after every job and
// it is on the job's disk), else the system's temporary folder.



/** The folder temporary folders go in. */
function tempRoot() {
    return process.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)();
}
/** A new, empty folder named setup-binfmt-<purpose>-XXXXXX, mode 0700. */
function temp_makeTempDir(purpose) {
    return mkdtemp(join(tempRoot(), `setup-binfmt-${purpose}-`));
}

;// CONCATENATED MODULE: ./src/platform/host.ts
// The architectures Node runs on (os.arch() names), and what each one is called elsewhere: the
// QEMU target it runs natively, its ELF header, and rpm's name for it. One table, so that the
// native-platform probe, the interpreter check and the Fedora source cannot disagree.
const host_HOST_ARCHES = {
    x64: { target: 'x86_64', machine: 62, bits: 64, littleEndian: true, rpm: 'x86_64' },
    ia32: { target: 'i386', machine: 3, bits: 32, littleEndian: true, rpm: 'i686' },
    arm64: { target: 'aarch64', machine: 183, bits: 64, littleEndian: true, rpm: 'aarch64' },
    arm: { target: 'arm', machine: 40, bits: 32, littleEndian: true, rpm: 'armv7hl' },
    riscv64: { target: 'riscv64', machine: 243, bits: 64, littleEndian: true, rpm: 'riscv64' },
    ppc64: { target: 'ppc64le', machine: 21, bits: 64, littleEndian: true, rpm: 'ppc64le' },
    s390x: { target: 's390x', machine: 22, bits: 64, littleEndian: false, rpm: 's390x' },
    loong64: {
        target: 'loongarch64',
        machine: 258,
        bits: 64,
        littleEndian: true,
        rpm: 'loongarch64'
    },
    mips64el: { target: 'mips64el', machine: 8, bits: 64, littleEndian: true }
};

;// CONCATENATED MODULE: ./src/platform/native.ts
// Which container platforms the host runs without an emulator, found by executing a probe
// for each: an arm64 host may lack AArch32, an amd64 kernel may lack IA-32 support.







/** The enabled entry the kernel would run this program with; `entries` in match order. */
function native_claimedBy(program, entries) {
    return entries.find(e => {
        if (!e.enabled || !e.magic)
            return false;
        const magic = Buffer.from(e.magic, 'hex');
        const mask = Buffer.from(e.mask ?? 'ff'.repeat(magic.length), 'hex');
        return magic.every((b, i) => (program[e.offset + i] & mask[i]) === (b & mask[i]));
    });
}
async function nativeTargets(entries, log, exec = run, arch = process.arch) {
    const native = new Set();
    // The target Node itself runs as: native by definition.
    const host = HOST_ARCHES[arch]?.target;
    if (host)
        native.add(host);
    const dir = await makeTempDir('native');
    const runs = async (target) => {
        const program = probeProgram(target);
        const entry = native_claimedBy(program, entries);
        if (entry) {
            log.debug(`native ${target}: not probed, binfmt_misc entry ${entry.name} would run it`);
            return false;
        }
        const path = join(dir, target);
        await writeFile(path, program, { mode: 0o755 });
        const result = await exec([path], { allowFailure: true }).catch(() => undefined);
        return result?.code === 0 && result.stdout === `${probeMarker(target)}\n`;
    };
    try {
        // All at once: most of them fail at exec right away.
        const others = CONTAINER_TARGETS.filter(t => t !== host);
        const results = await Promise.all(others.map(runs));
        others.forEach((t, i) => results[i] && native.add(t));
    }
    finally {
        await rm(dir, { recursive: true, force: true });
    }
    // i486 binaries run wherever i386 ones do.
    if (native.has('i386'))
        native.add('i486');
    return native;
}

;// CONCATENATED MODULE: ./src/binfmt/held.ts
// The interpreter file the kernel holds open for an F entry. It need not be at the entry's
// path any more (deleted, replaced, or a path inside the container that registered it), and
// no process's /proc/<pid>/fd shows the kernel's copy. One view of it exists: a process the
// kernel starts with it, whose /proc/<pid>/exe is that very file. So a program matching the
// entry is started with QEMU's log going to a FIFO nobody opens: QEMU blocks opening its log,
// before it looks at the program, the file is read through /proc/<pid>/exe, and the process
// is killed. An interpreter that is not QEMU does not stop there and cannot be read.








/** The kernel's wait for the other end of a FIFO: QEMU opening its log. */
const FIFO_WAIT = 'wait_for_partner';
/** How long QEMU may take to start and reach its log file. */
const TIMEOUT_MS = 5000;
/** A file the kernel matches with `entry`: its magic at its offset, under its mask; zeros elsewhere. */
function matchingProgram(entry) {
    const magic = Buffer.from(entry.magic ?? '', 'hex');
    const mask = Buffer.from(entry.mask ?? 'ff'.repeat(magic.length), 'hex');
    const program = Buffer.alloc(Math.max(entry.offset + magic.length, 64));
    magic.forEach((b, i) => (program[entry.offset + i] = b & (mask[i] ?? 0xff)));
    return program;
}
/** The SHA-256 of the interpreter the kernel holds for the F entry `entry`, or why not. */
async function held_heldInterpreter(table, entry) {
    if (!entry.flags.includes('F'))
        return { why: `${entry.name} has no F flag` };
    if (entry.extension)
        return { why: `${entry.name} matches by file name extension` };
    if (!entry.enabled)
        return { why: `${entry.name} is disabled, so the kernel starts nothing with it` };
    if ((await table.enabledAsAWhole()) === false)
        return { why: 'binfmt_misc is disabled as a whole' };
    const program = matchingProgram(entry);
    const claim = claimedBy(program, await table.inMatchOrder());
    if (claim?.name !== entry.name) {
        return { why: `${claim?.name ?? 'no entry'} would run a program matching ${entry.name}` };
    }
    const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'setup-binfmt-held-'));
    let started;
    try {
        const path = join(dir, 'program');
        const fifo = join(dir, 'log');
        await writeFile(path, program, { mode: 0o700 });
        await run(['mkfifo', '-m', '600', fifo]);
        // No PATH, nothing of ours: only what stops QEMU at its log file.
        started = await table.start([path], { env: { QEMU_LOG: 'unimp', QEMU_LOG_FILENAME: fifo } });
        const proc = `/proc/${started.pid}`;
        for (const deadline = Date.now() + TIMEOUT_MS; Date.now() < deadline; await sleep(5)) {
            const procStat = await readFile(`${proc}/stat`, 'utf8').catch(() => '');
            // The state follows the command name in parentheses; Z: it ended, waiting to be reaped.
            if (!procStat || procStat.slice(procStat.lastIndexOf(')') + 2).startsWith('Z')) {
                return {
                    why: `its interpreter ${entry.interpreter} ran and ended without opening QEMU's log (not QEMU?)`
                };
            }
            const wchan = await readFile(`${proc}/wchan`, 'utf8').catch(() => '');
            if (wchan !== FIFO_WAIT)
                continue;
            // The kernel that started it must be this table's: each binfmt_misc instance is its own
            // filesystem, so the program's view of the folder and ours have one device number.
            const [seen, ours] = await Promise.all([
                stat(`${proc}/root${DEFAULT_ROOT}`),
                stat(table.root)
            ]);
            if (seen.dev !== ours.dev)
                return { why: 'the program started under another binfmt_misc instance' };
            return { sha256: await sha256File(`${proc}/exe`) };
        }
        return {
            why: `its interpreter ${entry.interpreter} did not reach QEMU's log file within ${TIMEOUT_MS / 1000} s`
        };
    }
    catch (e) {
        return { why: `starting a program it runs failed: ${e.message}` };
    }
    finally {
        await started?.stop();
        await rm(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/binfmt/table.ts
// The kernel's binfmt_misc table: read, register, remove. Never writes `status` and never
// unmounts; mounts the filesystem when it is missing and leaves it mounted.






const table_DEFAULT_ROOT = '/proc/sys/fs/binfmt_misc';
/** The four flags the kernel prints, in the order it prints them. */
const FLAG_ORDER = 'POCF';
/** Canonical form of a flag set: C implies O in the kernel, and it prints P O C F in order. */
function canonicalFlags(flags) {
    const set = new Set(flags.toUpperCase());
    if (set.has('C'))
        set.add('O');
    return [...FLAG_ORDER].filter(f => set.has(f)).join('');
}
/** Parse one entry file as the kernel prints it. */
function parseEntry(name, text) {
    let enabled = false;
    let interpreter = '';
    let flags = '';
    let offset = 0;
    let magic;
    let mask;
    let extension;
    const unparsed = [];
    for (const line of text.replace(/\n$/, '').split('\n')) {
        const [key, ...rest] = line.split(' ');
        const value = rest.join(' ');
        if (line === 'enabled')
            enabled = true;
        else if (line === 'disabled')
            enabled = false;
        else if (key === 'interpreter')
            interpreter = value;
        else if (key === 'flags:')
            flags = canonicalFlags(value.trim());
        else if (key === 'offset')
            offset = Number(value);
        else if (key === 'magic')
            magic = value.trim();
        else if (key === 'mask')
            mask = value.trim();
        else if (key === 'extension')
            extension = value.replace(/^\./, '');
        else
            unparsed.push(line);
    }
    const entry = { name, enabled, interpreter, flags, offset, magic, mask, extension };
    return unparsed.length > 0 ? { ...entry, unparsed } : entry;
}
/** Hex as the register format and binfmt files write it: 7f45 -> \x7f\x45. */
const escapeHex = (hex) => hex.replace(/(..)/g, '\\x$1');
/** The line written to `register`. Every magic and mask byte is \x-escaped, so ':' is safe. */
function registerLine(e) {
    checkEntryText(e);
    const line = e.extension
        ? `:${e.name}:E::${e.extension}::${e.interpreter}:${e.flags}`
        : `:${e.name}:M:${e.offset}:${escapeHex(e.magic ?? '')}:${escapeHex(e.mask ?? '')}:${e.interpreter}:${e.flags}`;
    // The kernel's one limit on the interpreter path: the whole write is at most 1920 bytes.
    const bytes = Buffer.byteLength(line);
    if (bytes > 1920) {
        throw new Error(`The registration line for '${e.name}' is ${bytes} bytes; the kernel takes at most 1920: ` +
            `use a shorter interpreter path (a shorter RUNNER_TOOL_CACHE or qemu-path)`);
    }
    return line;
}
/** Characters the kernel's parser reads in fields (flags, \x escapes): never a separator. */
const NOT_SEPARATORS = new Set('POCF\\x0123456789abcdefABCDEF\n\0');
/** The longest write `register` takes (MAX_REGISTER_LENGTH). */
const MAX_REGISTER_LENGTH = 1920;
/**
 * The line that registers `e` again exactly as the kernel holds it, whatever its name and
 * path (the kernel takes a space, 255 characters, any separator character the line starts
 * with), or the reason there is none.
 */
function kernelLine(e) {
    if (e.unparsed)
        return {
            why: `its entry file has lines this tool cannot read back (${JSON.stringify(e.unparsed)})`
        };
    const fields = [e.name, e.interpreter, e.extension ?? ''];
    const sep = [...':|#!%;,@~=^&*+'].find(c => !NOT_SEPARATORS.has(c) && fields.every(f => !f.includes(c)));
    if (!sep)
        return { why: 'no separator character is free of its name and interpreter path' };
    const parts = e.extension
        ? [e.name, 'E', '', e.extension, '', e.interpreter, e.flags]
        : [
            e.name,
            'M',
            String(e.offset),
            escapeHex(e.magic ?? ''),
            escapeHex(e.mask ?? ''),
            e.interpreter,
            e.flags
        ];
    const line = sep + parts.join(sep);
    if (Buffer.byteLength(line) > MAX_REGISTER_LENGTH) {
        return {
            why: `its registration line is ${Buffer.byteLength(line)} bytes, over the kernel's ${MAX_REGISTER_LENGTH}`
        };
    }
    return { line };
}
/** Names and paths go into a ':'-separated line and become file names: refuse what breaks either. */
function checkEntryText(e) {
    if (!/^[A-Za-z0-9_.+-]{1,64}$/.test(e.name) ||
        e.name === '.' ||
        e.name === '..' ||
        e.name === 'register' ||
        e.name === 'status') {
        throw new Error(`'${e.name}' cannot name a binfmt_misc entry: use letters, digits and . _ + - only`);
    }
    if (!e.interpreter.startsWith('/') || /[:\n\0]/.test(e.interpreter)) {
        throw new Error(`Interpreter path '${e.interpreter}' must be absolute and contain no ':' or newline`);
    }
}
const ERRNO_FROM_TEXT = [
    [/File exists/i, 'EEXIST'],
    [/No such file or directory/i, 'ENOENT'],
    [/Invalid argument/i, 'EINVAL'],
    [/Operation not permitted/i, 'EPERM'],
    [/Permission denied/i, 'EACCES']
];
/** An error from the kernel, with the errno kept so callers can tell EEXIST from the rest. */
class BinfmtError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.code = code;
        this.name = 'BinfmtError';
    }
}
function errnoOf(e) {
    if (e instanceof ExecError) {
        const text = e.result.stderr;
        return ERRNO_FROM_TEXT.find(([re]) => re.test(text))?.[1];
    }
    return e.code;
}
/** Open for writing, never creating a file and never through a link (then ELOOP). */
const WRITE_NOFOLLOW = external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_NOFOLLOW;
function directWriter(log) {
    return {
        // Never create a file (a missing entry must read as ENOENT) and never follow a link.
        // Write-only: `register` (mode 0200) then opens for a root without CAP_DAC_OVERRIDE too
        // (the DaemonSet's container, which has CAP_SYS_ADMIN alone).
        write: (file, data) => (0,promises_namespaceObject.writeFile)(file, data, { flag: WRITE_NOFOLLOW }),
        mount: async (root) => void (await exec_run(['mount', '-t', 'binfmt_misc', 'binfmt_misc', root], { log }))
    };
}
function sudoWriter(log) {
    return {
        // dd, not tee: tee follows a link and creates a missing file. One write of the whole
        // input (fullblock), since binfmt_misc takes a registration only in a single write.
        write: async (file, data) => void (await exec_run([
            'sudo',
            '-n',
            'dd',
            `of=${file}`,
            'bs=4096',
            'iflag=fullblock',
            'oflag=nofollow',
            'conv=notrunc,nocreat',
            'status=none'
        ], { input: data, log })),
        mount: async (root) => void (await exec_run(['sudo', '-n', 'mount', '-t', 'binfmt_misc', 'binfmt_misc', root], { log }))
    };
}
/** Root writes directly; anyone else needs passwordless sudo, or gets told how to fix it. */
async function chooseWriter(log) {
    if (process.getuid?.() === 0)
        return directWriter(log);
    const probe = await exec_run(['sudo', '-n', 'true'], { allowFailure: true, log }).catch((e) => ({ code: -1, stderr: e.message, stdout: '' }));
    if (probe.code !== 0) {
        throw new Error(`Changing binfmt_misc needs root, and this user (uid ${process.getuid?.()}) has no ` +
            `passwordless sudo (sudo -n true: ${lastLine(probe.stderr) || `exit ${probe.code}`}). ` +
            `Run as root, or allow this user to run sudo without a password.`);
    }
    return sudoWriter(log);
}
class BinfmtTable {
    root;
    writer;
    log;
    start;
    constructor(root, writer, log, 
    /** Starts programs where this table applies (tests: inside their namespace). */
    start = launch) {
        this.root = root;
        this.writer = writer;
        this.log = log;
        this.start = start;
    }
    /** Open the table at `root`, mounting binfmt_misc there when it is not mounted. */
    static async open(options = {}) {
        const root = options.root ?? table_DEFAULT_ROOT;
        const writer = options.writer ?? (await chooseWriter(options.log));
        // Reading status first triggers systemd's automount, where there is one.
        await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(root, 'status')).catch(() => undefined);
        if (!(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(root, 'register'))) {
            options.log?.info(`binfmt_misc is not mounted at ${root}: mounting it (it stays mounted)`);
            try {
                await writer.mount(root);
            }
            catch (e) {
                throw new Error(`binfmt_misc is not mounted at ${root} and mounting it failed (${e.message}). ` +
                    `Mount it with 'mount -t binfmt_misc binfmt_misc ${root}', or load the binfmt_misc kernel module.`, { cause: e });
            }
            if (!(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(root, 'register'))) {
                throw new Error(`binfmt_misc is still not available at ${root} after mounting it`);
            }
        }
        return new BinfmtTable(root, writer, options.log, options.start);
    }
    /** Read-only view of the entries at `root`; none when binfmt_misc is not mounted there. */
    static async read(root = table_DEFAULT_ROOT) {
        if (!(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(root, 'register')))
            return [];
        const readOnly = {
            write: async () => {
                throw new Error('read-only view of binfmt_misc');
            },
            mount: async () => { }
        };
        return new BinfmtTable(root, readOnly).list();
    }
    /** Every entry, sorted by name. */
    async list() {
        return (await this.inMatchOrder()).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    }
    /**
     * Every entry in the order the kernel tries them: newest first. binfmt_misc lists its
     * folder in that order too (each new entry goes to the head of both lists).
     */
    async inMatchOrder() {
        // opendir keeps the kernel's order; readdir (scandir) would sort by name.
        const entries = [];
        for await (const dirent of await (0,promises_namespaceObject.opendir)(this.root)) {
            if (dirent.name === 'register' || dirent.name === 'status')
                continue;
            const entry = await this.get(dirent.name);
            if (entry)
                entries.push(entry);
        }
        return entries;
    }
    /**
     * Whether binfmt_misc runs any entry at all: `status` reads `enabled` or `disabled` (someone
     * wrote 0 to it). Undefined when it cannot be read.
     */
    async enabledAsAWhole() {
        const text = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(this.root, 'status'), 'utf8').catch(() => undefined);
        return text?.trim() === 'enabled' ? true : text?.trim() === 'disabled' ? false : undefined;
    }
    async get(name) {
        try {
            return parseEntry(name, await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(this.root, name), 'utf8'));
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return undefined;
            throw e;
        }
    }
    async register(entry) {
        await this.write(entry, registerLine(entry));
    }
    /** Register an entry someone else made, exactly as the kernel held it (`kernelLine`). */
    async registerAgain(entry) {
        const exact = kernelLine(entry);
        if ('why' in exact)
            throw new BinfmtError(`Cannot register '${entry.name}' again: ${exact.why}`, undefined);
        await this.write(entry, exact.line);
    }
    async write(entry, line) {
        this.log?.debug(`register ${line}`);
        try {
            await this.writer.write((0,external_node_path_namespaceObject.join)(this.root, 'register'), line);
        }
        catch (e) {
            throw explain(e, entry);
        }
        if (!entry.enabled)
            await this.setEnabled(entry.name, false);
    }
    async setEnabled(name, enabled) {
        await this.writeEntry(name, enabled ? '1' : '0');
    }
    async remove(name) {
        await this.writeEntry(name, '-1');
    }
    async writeEntry(name, value) {
        if (name === 'status' || name === 'register' || name.includes('/')) {
            throw new Error(`Refusing to write to binfmt_misc '${name}'`);
        }
        // tee (the sudo path) would try to create a missing entry and report EACCES instead.
        if (!(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(this.root, name))) {
            throw new BinfmtError(`binfmt_misc has no entry named '${name}'`, 'ENOENT');
        }
        try {
            await this.writer.write((0,external_node_path_namespaceObject.join)(this.root, name), value);
        }
        catch (e) {
            const code = errnoOf(e);
            throw new BinfmtError(`Writing '${value}' to binfmt_misc entry '${name}' failed: ${permissionHint(e, code)}`, code);
        }
    }
}
function permissionHint(e, code) {
    if (code === 'EPERM' || code === 'EACCES') {
        return 'permission denied; binfmt_misc needs root (CAP_SYS_ADMIN in the user namespace that mounted it)';
    }
    return e.message;
}
function explain(e, entry) {
    const code = errnoOf(e);
    const name = `'${entry.name}'`;
    switch (code) {
        case 'EEXIST':
            return new BinfmtError(`binfmt_misc already has an entry named ${name}`, code);
        case 'ENOENT':
            return new BinfmtError(`Cannot register ${name}: the interpreter ${entry.interpreter} does not exist ` +
                `(with the F flag the kernel opens it at registration time)`, code);
        case 'EINVAL':
            return new BinfmtError(`The kernel rejected the registration of ${name} as invalid: flags must be among P, O, C, F, ` +
                `magic and mask must have the same length and fit in 128 bytes with the offset`, code);
        case 'EPERM':
        case 'EACCES':
            return new BinfmtError(`Cannot register ${name}: ${permissionHint(e, code)}`, code);
        default:
            return new BinfmtError(`Cannot register ${name}: ${e.message}`, code);
    }
}
/** SHA-256 of a file, or undefined when it cannot be read. */
function fileDigest(path) {
    return hash_sha256File(path).catch(() => undefined);
}
/** Magic with the mask applied: the bytes the kernel actually compares. */
function masked(magic = '', mask = '') {
    const bytes = Buffer.from(magic, 'hex');
    const bits = Buffer.from(mask, 'hex');
    return Buffer.from(bytes.map((b, i) => b & (bits[i] ?? 0xff))).toString('hex');
}
/**
 * Whether one program can match both entries, so which the kernel tries first decides what
 * runs it. Magic entries overlap when their magic agrees wherever both masks look; an
 * extension entry may meet any magic entry.
 */
function overlaps(a, b) {
    if (a.extension || b.extension)
        return a.extension === b.extension || !a.extension !== !b.extension;
    const bytes = (e) => {
        const magic = Buffer.from(e.magic ?? '', 'hex');
        return { magic, mask: Buffer.from(e.mask ?? 'ff'.repeat(magic.length), 'hex') };
    };
    const [x, y] = [bytes(a), bytes(b)];
    for (let p = Math.max(a.offset, b.offset); p < Math.min(a.offset + x.magic.length, b.offset + y.magic.length); p++) {
        const [i, j] = [p - a.offset, p - b.offset];
        const both = x.mask[i] & y.mask[j];
        if ((x.magic[i] & both) !== (y.magic[j] & both))
            return false;
    }
    return true;
}
/** The same match rule, flags and interpreter path; whether the files match is separate. */
function sameDefinition(a, b) {
    return (a.enabled === b.enabled &&
        a.flags === b.flags &&
        a.offset === b.offset &&
        a.extension === b.extension &&
        (a.mask ?? '') === (b.mask ?? '') &&
        masked(a.magic, a.mask) === masked(b.magic, b.mask) &&
        a.interpreter === b.interpreter);
}
/**
 * Identical to what we would write: same definition and interpreter bytes (paths may differ).
 * For an F entry those are the bytes the kernel holds open, which the file at its path may no
 * longer hold (replaced after registration); when they cannot be read, it counts as different.
 */
async function sameEntry(existing, wanted, table) {
    if (!sameDefinition({ ...existing, interpreter: '' }, { ...wanted, interpreter: '' }))
        return false;
    if (!existing.flags.includes('F') && existing.interpreter === wanted.interpreter)
        return true;
    const [have, want] = await Promise.all([
        existing.flags.includes('F')
            ? heldInterpreter(table, existing).then(h => ('sha256' in h ? h.sha256 : undefined))
            : fileDigest(existing.interpreter),
        fileDigest(wanted.interpreter)
    ]);
    return have !== undefined && have === want;
}

;// CONCATENATED MODULE: ./src/util/files.ts
// Files replaced atomically, the one way the project writes a file others may read while it
// changes (state, owners, a daemon's health, exported files, cached interpreters): a temporary
// file in the same folder, created exclusively and never through a link, its mode set
// exactly (the umask may take bits away, or with 000 leave some), then renamed over the target.




const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = external_node_fs_namespaceObject.constants;
/** A name beside `path` that nothing else uses. */
const tempBeside = (path) => (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(path), `.${(0,external_node_path_namespaceObject.basename)(path)}.${(0,external_node_crypto_namespaceObject.randomUUID)()}.tmp`);
/** Replace `path` with `data` atomically. */
function writeFileAtomic(path, data, options) {
    const temp = tempBeside(path);
    const fd = (0,external_node_fs_namespaceObject.openSync)(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, options.mode);
    try {
        (0,external_node_fs_namespaceObject.fchmodSync)(fd, options.mode);
        (0,external_node_fs_namespaceObject.writeSync)(fd, typeof data === 'string' ? Buffer.from(data) : data);
        if (options.fsync)
            (0,external_node_fs_namespaceObject.fsyncSync)(fd);
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
    catch (e) {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
        (0,external_node_fs_namespaceObject.rmSync)(temp, { force: true });
        throw e;
    }
    try {
        (0,external_node_fs_namespaceObject.renameSync)(temp, path);
    }
    catch (e) {
        (0,external_node_fs_namespaceObject.rmSync)(temp, { force: true });
        throw e;
    }
}
/**
 * Replace `path` with a copy of `source` atomically. A rename, never a write into the old file:
 * an F entry keeps an interpreter open, and a running one is busy.
 */
async function copyFileAtomic(source, path, options) {
    const temp = tempBeside(path);
    try {
        await copyFile(source, temp, constants.COPYFILE_EXCL);
        await chmod(temp, options.mode);
        if (options.fsync) {
            const file = await open(temp, 'r');
            await file.sync().finally(() => file.close());
        }
        await options.check?.(temp);
        await rename(temp, path);
    }
    catch (e) {
        await rm(temp, { force: true });
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/util/private-files.ts
// Files that steer what root does to binfmt_misc (saved state, the owners record, the lock)
// live only in folders nobody else can write: another local user must not be able to plant,
// replace or link any of them. Every folder on the way is checked, opens never follow a
// link, and modes are set explicitly so that a umask of 000 changes nothing.



const { O_RDONLY, O_NOFOLLOW: private_files_O_NOFOLLOW } = external_node_fs_namespaceObject.constants;
const me = () => process.geteuid?.() ?? 0;
const octal = (mode) => `0${(mode & 0o7777).toString(8)}`;
/** Root, or the user this process runs as: the only owners trusted here. */
function trusted(uid) {
    return uid === 0 || uid === me();
}
class UnsafePathError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UnsafePathError';
    }
}
/** Why `st` (a folder on the way to our files) lets another user change them, or undefined. */
function folderProblem(st, last) {
    if (st.isSymbolicLink())
        return 'is a symbolic link';
    if (!st.isDirectory())
        return 'is not a folder';
    if (!trusted(st.uid))
        return `belongs to uid ${st.uid}, not to root or uid ${me()}`;
    // A shared folder like /tmp is safe on the way only with the sticky bit: others cannot
    // rename or delete what we own in it. The folder holding our files must be ours alone.
    const sticky = (st.mode & 0o1000) !== 0 && st.uid === 0;
    if ((st.mode & 0o022) !== 0 && (last || !sticky)) {
        return `is writable by other users (mode ${octal(st.mode)})`;
    }
    return undefined;
}
function refuse(path, problem, what) {
    throw new UnsafePathError(`Refusing to use ${path} for ${what}: it ${problem}, so another local user could change what ` +
        `setup-binfmt does as root. Use a folder that only root or this user (uid ${me()}) can write, ` +
        `and remove or fix ${path}`);
}
/**
 * Check every folder from / down to `dir`; the path returned has no symbolic links in it.
 * `dir` itself may be a shared sticky folder (such as /tmp) only when `shared`.
 */
function checkFolders(dir, what, shared = false) {
    const real = (0,external_node_fs_namespaceObject.realpathSync)(dir);
    const parts = real.split(external_node_path_namespaceObject.sep).filter(Boolean);
    for (let i = 0; i <= parts.length; i++) {
        const path = external_node_path_namespaceObject.sep + parts.slice(0, i).join(external_node_path_namespaceObject.sep);
        const problem = folderProblem((0,external_node_fs_namespaceObject.lstatSync)(path), i === parts.length && !shared);
        if (problem)
            refuse(path, problem, what);
    }
    return real;
}
/**
 * A private folder, created when missing with `mode` (0700 by default, set explicitly; missing
 * parents too, 0700), and checked whether new or old. Returns its path without symbolic
 * links: use that one.
 */
function private_files_privateDir(dir, what, mode = 0o700) {
    let parent;
    try {
        parent = checkFolders((0,external_node_path_namespaceObject.dirname)(dir), what, true);
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw e;
        parent = private_files_privateDir((0,external_node_path_namespaceObject.dirname)(dir), what);
    }
    const path = (0,external_node_path_namespaceObject.join)(parent, (0,external_node_path_namespaceObject.basename)(dir));
    try {
        (0,external_node_fs_namespaceObject.mkdirSync)(path, { mode });
        // The umask may have taken bits away or (000) left group and others some: set it exactly.
        chmodExact(path, mode);
    }
    catch (e) {
        if (e.code !== 'EEXIST')
            throw e;
    }
    const problem = folderProblem((0,external_node_fs_namespaceObject.lstatSync)(path), true);
    if (problem)
        refuse(path, problem, what);
    return path;
}
function chmodExact(path, mode) {
    const fd = (0,external_node_fs_namespaceObject.openSync)(path, O_RDONLY | private_files_O_NOFOLLOW);
    try {
        (0,external_node_fs_namespaceObject.fchmodSync)(fd, mode);
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** The private folder `dir` when it exists (checked), else undefined. */
function private_files_existingPrivateDir(dir, what) {
    try {
        (0,external_node_fs_namespaceObject.lstatSync)(dir);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw e;
    }
    return checkFolders(dir, what);
}
/** A file's text, opened without following a link and checked like its folder; undefined when absent. */
function private_files_readPrivateFile(path, what) {
    let fd;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(path, O_RDONLY | private_files_O_NOFOLLOW);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT')
            return undefined;
        if (code === 'ELOOP')
            refuse(path, 'is a symbolic link', what);
        throw e;
    }
    try {
        const st = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        if (!st.isFile())
            refuse(path, 'is not a regular file', what);
        if (!trusted(st.uid))
            refuse(path, `belongs to uid ${st.uid}, not to root or uid ${me()}`, what);
        if ((st.mode & 0o022) !== 0) {
            refuse(path, `is writable by other users (mode ${octal(st.mode)})`, what);
        }
        return (0,external_node_fs_namespaceObject.readFileSync)(fd, 'utf8');
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** Replace `dir/name` atomically (util/files.ts), with `mode` set exactly. */
function private_files_writePrivateFile(dir, name, text, mode = 0o600) {
    writeFileAtomic((0,external_node_path_namespaceObject.join)(dir, name), text, { mode });
}

;// CONCATENATED MODULE: ./src/binfmt/lock.ts
// Several runs on one host (self-hosted machines run several runners, as root or as users with
// sudo) share one binfmt_misc table. Changes to it happen under one lock per binfmt_misc
// instance, whoever runs, and a shared record says which runs use which of our entries, so
// that one run's cleanup never removes an entry another run still relies on: the last one out
// removes it. Both live in root's folder under /run, reached through sudo by other users.






/** Root's folder for the locks and owners records of every binfmt_misc instance on the host. */
const HOST_DIR = '/run/setup-binfmt';
const WHAT = 'the binfmt_misc lock and owners record';
const notFound = (e) => e.code === 'ENOENT';
/**
 * Where the lock and the owners record live for the binfmt_misc instance at `root`: a folder
 * per instance (its device number), so every user and every path to one table shares them.
 * `override` (SETUP_BINFMT_LOCK_DIR) is a private folder of the caller's own.
 */
async function lockDirFor(root, log, override = process.env.SETUP_BINFMT_LOCK_DIR) {
    if (override)
        return { dir: private_files_privateDir(override, WHAT), sudo: false };
    const instance = (0,external_node_path_namespaceObject.join)(HOST_DIR, `binfmt_misc-${(0,external_node_fs_namespaceObject.statSync)(root).dev}`);
    if (process.geteuid?.() === 0) {
        private_files_privateDir(HOST_DIR, WHAT, 0o755);
        return { dir: private_files_privateDir(instance, WHAT), sudo: false };
    }
    // Another user: root's folders, made through sudo. HOST_DIR is readable, so both are
    // checked from here; only root can write either.
    const made = async (path, mode) => {
        try {
            (0,external_node_fs_namespaceObject.lstatSync)(path);
        }
        catch (e) {
            if (!notFound(e))
                throw e;
            await exec_run(['sudo', '-n', 'mkdir', '-m', mode, path], { log, allowFailure: true });
        }
        const st = (0,external_node_fs_namespaceObject.lstatSync)(path);
        if (!st.isDirectory() || st.isSymbolicLink() || st.uid !== 0 || (st.mode & 0o022) !== 0) {
            throw new Error(`Refusing to use ${path} for ${WHAT}: it must be a folder of root's that only root can ` +
                `write (found uid ${st.uid}, mode 0${(st.mode & 0o7777).toString(8)}${st.isSymbolicLink() ? ', a symbolic link' : ''}). ` +
                `As root, remove it; setup-binfmt makes it again`);
        }
    };
    checkFolders('/run', WHAT);
    await made(HOST_DIR, '0755');
    await made(instance, '0700');
    return { dir: instance, sudo: true };
}
const newOwnerId = () => randomUUID();
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
/** The process holding a flock on `path`, from /proc/locks, when this user can see it. */
function lockHolder(path) {
    try {
        const { ino } = (0,external_node_fs_namespaceObject.statSync)(path);
        for (const line of (0,external_node_fs_namespaceObject.readFileSync)('/proc/locks', 'utf8').split('\n')) {
            const f = line.trim().split(/\s+/);
            if (f[1] === 'FLOCK' && f[5]?.split(':')[2] === String(ino))
                return Number(f[4]);
        }
    }
    catch {
        // Root's folder seen by another user: the holder is not ours to see.
    }
    return undefined;
}
/**
 * Run `fn` holding the lock of `place`: a flock(2) on `lock` that flock(1) holds while `cat`
 * copies its standard input, so the kernel drops it the moment the holder dies, however it
 * dies. Nothing in the file counts: an empty or planted one changes nothing, and two waiters
 * can never both hold it.
 */
async function withLock(place, fn, log, timeoutMs = 120_000) {
    const path = (0,external_node_path_namespaceObject.join)(place.dir, 'lock');
    const argv = [
        ...(place.sudo ? ['sudo', '-n'] : []),
        'flock',
        '--exclusive',
        '--timeout',
        String(timeoutMs / 1000),
        path,
        'cat'
    ];
    // cat echoes this once flock holds the lock: that is the signal we hold it.
    const holder = start(argv, { input: '\n', log });
    const waiting = setTimeout(() => {
        const pid = lockHolder(path);
        log?.info(`waiting for another setup-binfmt${pid ? ` (pid ${pid})` : ''} to finish changing binfmt_misc`);
    }, 200);
    const got = await Promise.race([holder.output.then(() => true), holder.exited.then(() => false)]);
    clearTimeout(waiting);
    if (!got) {
        const result = await holder.exited;
        const pid = lockHolder(path);
        if (result.code === 1 && !result.stderr.trim()) {
            throw new Error(`Another setup-binfmt${pid ? ` (pid ${pid})` : ''} has held ${path} for over ${timeoutMs / 1000} s: ` +
                `wait for it to finish, or end it if it hangs`);
        }
        throw new Error(`Cannot take the binfmt_misc lock ${path} (${argv.join(' ')}: ${lastLine(result.stderr) || `exit ${result.code}`}); ` +
            `setup-binfmt needs flock from util-linux${place.sudo ? ' and passwordless sudo' : ''}`);
    }
    try {
        return await fn();
    }
    finally {
        holder.end();
        await holder.exited;
    }
}
/** The name of the GitHub runner's process that runs one job, main, run: steps and post. */
const WORKER = 'Runner.Worker';
function parentOf(pid) {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // The name in parentheses may hold spaces: the fields after the last ')' are fixed.
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The process whose life is the job's: the runner's worker, found among our ancestors. The
 * action's steps are its children; the CLI in a `run:` step is its grandchild, through a shell
 * that ends with the step, so the shell is no measure. Outside a runner there is none, and
 * ownership goes by age alone.
 */
function runPid() {
    if (process.env.GITHUB_ACTIONS !== 'true')
        return undefined;
    for (let pid = parentOf(process.pid), i = 0; pid && pid > 1 && i < 64; i++) {
        try {
            if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === WORKER)
                return pid;
        }
        catch {
            return undefined;
        }
        pid = parentOf(pid);
    }
    return undefined;
}
/** Runs that never cleaned up stop counting when their worker is gone, or after a day. */
const STALE_MS = 24 * 60 * 60 * 1000;
const OWNERS = 'owners.json';
async function readOwners(place, log) {
    const path = (0,external_node_path_namespaceObject.join)(place.dir, OWNERS);
    if (!place.sudo)
        return private_files_readPrivateFile(path, WHAT);
    const result = await exec_run(['sudo', '-n', 'cat', path], { allowFailure: true, log });
    if (result.code === 0)
        return result.stdout;
    if (/No such file/.test(result.stderr))
        return undefined;
    throw new Error(`Cannot read ${path} through sudo: ${lastLine(result.stderr)}`);
}
async function writeOwners(place, text, log) {
    if (!place.sudo)
        return private_files_writePrivateFile(place.dir, OWNERS, text);
    // A fresh file, created exclusively and never through a link, then renamed over the old.
    const temp = (0,external_node_path_namespaceObject.join)(place.dir, `.${OWNERS}.${(0,external_node_crypto_namespaceObject.randomUUID)()}`);
    await exec_run(['sudo', '-n', 'dd', `of=${temp}`, 'conv=excl', 'oflag=nofollow', 'status=none'], {
        input: text,
        log
    });
    await exec_run(['sudo', '-n', 'mv', '-f', '-T', temp, (0,external_node_path_namespaceObject.join)(place.dir, OWNERS)], { log });
}
class Owners {
    place;
    records;
    log;
    constructor(place, records, log) {
        this.place = place;
        this.records = records;
        this.log = log;
    }
    static async read(place, log) {
        const text = await readOwners(place, log);
        try {
            return new Owners(place, text ? JSON.parse(text) : {}, log);
        }
        catch (e) {
            // Written by rename, so never half; unreadable means damaged: start afresh rather than
            // block every run on the host, and say so.
            log?.warning(`${(0,external_node_path_namespaceObject.join)(place.dir, OWNERS)} is not valid JSON (${e.message}): starting afresh`);
            return new Owners(place, {}, log);
        }
    }
    async save() {
        await writeOwners(this.place, JSON.stringify(this.records, null, 2), this.log);
    }
    /** Other runs (not stale) that use this entry, as it is defined now. */
    others(entry, me) {
        const record = this.records[entry.name];
        if (!record || !sameDefinition(record.entry, entry))
            return [];
        const now = Date.now();
        return Object.entries(record.owners)
            .filter(([id, o]) => id !== me && now - o.since < STALE_MS && (!o.pid || alive(o.pid)))
            .map(([id]) => id);
    }
    /** True when some run of ours registered this entry (then it is ours to share). */
    tracks(entry) {
        const record = this.records[entry.name];
        return record !== undefined && sameDefinition(record.entry, entry);
    }
    /** Record that run `me` uses `entry`; `pid` is a process that lives as long as the run. */
    use(entry, me, pid) {
        const record = this.tracks(entry) ? this.records[entry.name] : { entry, owners: {} };
        this.records[entry.name] = {
            entry,
            owners: { ...record.owners, [me]: { since: Date.now(), pid } }
        };
    }
    release(entry, me) {
        const record = this.records[entry.name];
        if (!record)
            return;
        const owners = { ...record.owners };
        delete owners[me];
        if (Object.keys(owners).length === 0)
            delete this.records[entry.name];
        else
            this.records[entry.name] = { ...record, owners };
    }
}

;// CONCATENATED MODULE: ./src/binfmt/restore.ts
// Undo one run: remove what it registered, register again what `reset` removed, and compare
// the table with the snapshot taken before the first change. Problems are warnings: a post
// step must never fail a job that already did its work.


async function restore(table, state, log, owners) {
    const report = {
        removed: [],
        restored: [],
        vanished: [],
        shared: [],
        differences: []
    };
    const me = state.owner ?? '';
    // Entries another run registered and this one shared: the last user removes them.
    for (const entry of [...(state.adopted ?? [])].reverse()) {
        const others = owners?.others(entry, me) ?? [];
        owners?.release(entry, me);
        const current = await table.get(entry.name);
        if (others.length > 0 || !current || !sameDefinition(current, entry))
            continue;
        await table.remove(entry.name);
        log.info(`removed ${entry.name} (the last run using it)`);
        report.removed.push(entry.name);
    }
    for (const entry of [...state.created].reverse()) {
        if (owners && owners.others(entry, me).length > 0) {
            owners.release(entry, me);
            log.info(`left ${entry.name} in place: another running setup-binfmt still uses it`);
            report.shared.push(entry.name);
            continue;
        }
        owners?.release(entry, me);
        const current = await table.get(entry.name);
        if (!current) {
            log.warning(`${entry.name} was removed during the job by something else (systemd-binfmt restart, kind, minikube?): nothing to clean up`);
            report.vanished.push(entry.name);
        }
        else if (!sameDefinition(current, entry)) {
            log.warning(`${entry.name} was changed during the job by something else: leaving it as it is`);
            report.vanished.push(entry.name);
        }
        else {
            await table.remove(entry.name);
            log.info(`removed ${entry.name}`);
            report.removed.push(entry.name);
        }
    }
    // Oldest first: the kernel tries the entry registered last first, as before the reset.
    for (const entry of [...state.removed].reverse()) {
        const current = await table.get(entry.name);
        if (current && sameDefinition(current, entry))
            continue;
        if (current) {
            log.warning(`${entry.name} was registered again during the job with another definition: leaving that one`);
            continue;
        }
        if (entry.heldSha256 && (await fileDigest(entry.interpreter)) !== entry.heldSha256) {
            log.warning(`Could not put back ${entry.name}: ${entry.interpreter} is no longer the interpreter the kernel ` +
                `held for it (SHA-256 ${entry.heldSha256}); it changed or went away during the job`);
            continue;
        }
        try {
            await table.registerAgain(entry);
            log.info(`put back ${entry.name} (${entry.interpreter}, flags ${entry.flags || 'none'})`);
            report.restored.push(entry.name);
        }
        catch (e) {
            log.warning(`Could not put back ${entry.name}: ${e.message}`);
        }
    }
    await owners?.save();
    // Entries other running jobs registered or share are expected; anything else is a difference.
    const shared = new Set(report.shared);
    const mine = (e) => !shared.has(e.name) && (owners?.others(e, me).length ?? 0) === 0;
    report.differences.push(...compare(state.snapshot.filter(mine), (await table.inMatchOrder()).filter(mine)));
    if (report.differences.length === 0) {
        log.info(`binfmt_misc is as it was before the run (${state.snapshot.length} entries)`);
    }
    else {
        log.warning(`binfmt_misc differs from before the run: ${report.differences.join('; ')}`);
    }
    return report;
}
/**
 * Undo the run `store` holds, under the host-wide lock, sharing entries with runs still going.
 * The state is read again once the lock is held: an install on the same state may have added
 * to it meanwhile, and whatever it added is undone too rather than forgotten.
 */
async function restoreSaved(store, log, options = {}) {
    const first = store.load();
    if (!first)
        return undefined;
    const table = await BinfmtTable.open({ root: first.root, log, writer: options.writer });
    const place = await lockDirFor(table.root, log, options.lockDir);
    return withLock(place, async () => {
        const state = store.load();
        if (!state)
            return undefined;
        if (state.root !== first.root) {
            throw new Error(`The saved state changed its binfmt_misc folder from ${first.root} to ${state.root} meanwhile`);
        }
        const report = await restore(table, state, log, await Owners.read(place, log));
        store.clear();
        return report;
    }, log);
}
/**
 * One line per entry added, missing or changed between two tables, and per pair of entries
 * that match the same programs and are now tried in the other order. Both lists are in the
 * kernel's match order.
 */
function compare(before, after) {
    const old = new Map(before.map(e => [e.name, e]));
    const now = new Map(after.map(e => [e.name, e]));
    const lines = [];
    for (const [name, entry] of old) {
        const current = now.get(name);
        if (!current)
            lines.push(`${name} is missing`);
        else if (!sameDefinition(current, entry))
            lines.push(`${name} changed`);
    }
    for (const name of now.keys())
        if (!old.has(name))
            lines.push(`${name} was added`);
    const rank = new Map(before.map((e, i) => [e.name, i]));
    const kept = after.filter(e => e.enabled && rank.has(e.name));
    kept.forEach((first, i) => {
        for (const second of kept.slice(i + 1)) {
            if (rank.get(first.name) > rank.get(second.name) && overlaps(first, second)) {
                lines.push(`${first.name} is now tried before ${second.name} (it was after it)`);
            }
        }
    });
    return lines;
}

;// CONCATENATED MODULE: ./src/util/log.ts
// Where progress goes. The action writes workflow commands (src/runner.ts); the CLI
// writes plain lines. Core modules take a Log and never know which.
/** A Log that keeps lines in memory, for callers that want quiet (and for tests). */
function memoryLog(lines = []) {
    return {
        lines,
        info: m => void lines.push(m),
        debug: m => void lines.push(`debug: ${m}`),
        notice: m => void lines.push(`notice: ${m}`),
        warning: m => void lines.push(`warning: ${m}`),
        group: (name, fn) => {
            lines.push(`# ${name}`);
            return fn();
        }
    };
}
/** C0 and C1 controls (tab aside), DEL and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/g;
/**
 * Text that came from outside (a manifest, a file name, a command's output), made safe for one
 * log line: controls become visible escapes (\n, \x1b, \u2028), so nothing can start a new
 * line; and a line the runner would read as a workflow command (`::name::` or `##[`, after the
 * leading spaces it trims) starts with a zero-width space instead. Used by every Log.
 */
function safeLine(text) {
    const escaped = text.replace(CONTROL, c => {
        const code = c.charCodeAt(0);
        if (c === '\n')
            return '\\n';
        if (c === '\r')
            return '\\r';
        return code > 0xff
            ? `\\u${code.toString(16).padStart(4, '0')}`
            : `\\x${code.toString(16).padStart(2, '0')}`;
    });
    return /^\s*(::|##)/.test(escaped) ? `\u200b${escaped}` : escaped;
}

;// CONCATENATED MODULE: ./src/action/runner.ts
// The runner's side of an action step: inputs, outputs, state, log commands and the job
// summary, in the formats the GitHub runner reads. Written here instead of importing
// @actions/core, whose import alone (it loads an HTTP client for OIDC) costs about 150 ms of
// every main and post step, more than all of our work on a warm run.




/**
 * Workflow command data: the runner decodes %25, %0D and %0A, so a message keeps its own
 * line breaks; other controls (escapes, separators) are made visible by safeLine.
 */
function escapeData(text) {
    return text
        .replace(/%/g, '%25')
        .split(/\r?\n/)
        .map(line => safeLine(line).replace(/^\u200b/, ''))
        .join('%0A');
}
function command(name, message) {
    process.stdout.write(`::${name}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
/** An input as the runner passes it: INPUT_<NAME> with spaces as underscores, trimmed. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** Append `name<<delimiter` blocks to one of the runner's files (GITHUB_OUTPUT, GITHUB_STATE). */
function appendKeyValue(variable, name, value) {
    const file = process.env[variable];
    if (!file)
        throw new Error(`${variable} is not set: this must run as a GitHub Actions step`);
    const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`);
}
const setOutput = (name, value) => appendKeyValue('GITHUB_OUTPUT', name, value);
const saveState = (name, value) => appendKeyValue('GITHUB_STATE', name, value);
const getState = (name) => process.env[`STATE_${name}`] ?? '';
/** A plain log line: one line, whatever the message holds (see safeLine). */
const info = (message) => process.stdout.write(`${safeLine(message)}${external_node_os_namespaceObject.EOL}`);
const debug = (message) => command('debug', message);
const notice = (message) => command('notice', message);
const warning = (message) => command('warning', message);
/** The project's Log, written as workflow commands. */
const runnerLog = { info, debug, notice, warning, group: (name, fn) => group(name, fn) };
function setFailed(message) {
    process.exitCode = 1;
    command('error', message);
}
async function group(name, fn) {
    command('group', name);
    try {
        return await fn();
    }
    finally {
        command('endgroup', '');
    }
}
const html = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A job summary, built as HTML and appended to GITHUB_STEP_SUMMARY by write(). */
class runner_Summary {
    parts = [];
    heading(text, level = 3) {
        this.parts.push(`<h${level}>${html(text)}</h${level}>`);
        return this;
    }
    table(header, rows) {
        const row = (cells, tag) => `<tr>${cells.map(c => `<${tag}>${html(c)}</${tag}>`).join('')}</tr>`;
        this.parts.push(`<table>${row(header, 'th')}${rows.map(r => row(r, 'td')).join('')}</table>`);
        return this;
    }
    list(items) {
        this.parts.push(`<ul>${items.map(i => `<li>${html(i)}</li>`).join('')}</ul>`);
        return this;
    }
    paragraph(text) {
        this.parts.push(`<p>${html(text)}</p>`);
        return this;
    }
    /** Append to the job summary; outside a runner (no GITHUB_STEP_SUMMARY) there is none. */
    write() {
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (file)
            (0,external_node_fs_namespaceObject.appendFileSync)(file, `${this.parts.join(external_node_os_namespaceObject.EOL)}${external_node_os_namespaceObject.EOL}`);
    }
}

;// CONCATENATED MODULE: ./src/binfmt/journal.ts
// What a run changed, saved after every change so the post step (or `setup-binfmt
// uninstall`) can undo exactly that, even when the run stopped half-way.




/** A saved state read back, checked before anything is done with it; `where` names it in errors. */
function parseRunState(text, where) {
    if (!text)
        return undefined;
    let state;
    try {
        state = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`${where} is not valid JSON (${e.message}): delete it`, {
            cause: e
        });
    }
    checkRunState(state, where);
    return state;
}
/** binfmt_misc's filesystem type, as statfs reports it. */
const BINFMT_MISC_MAGIC = 0x42494e4d;
/** The kernel's binfmt_misc folder, or another real binfmt_misc mount named without links. */
function checkRoot(root, where) {
    if (root === table_DEFAULT_ROOT)
        return;
    const fail = (why) => {
        throw new Error(`${where} names ${JSON.stringify(root)} as its binfmt_misc folder, which ${why}; ` +
            `expected ${table_DEFAULT_ROOT} or another binfmt_misc mount. Delete ${where} if you did not write it`);
    };
    if (typeof root !== 'string' || !(0,external_node_path_namespaceObject.isAbsolute)(root) || (0,external_node_path_namespaceObject.normalize)(root) !== root) {
        fail('is not an absolute, normalised path');
    }
    const path = root;
    let type;
    let real;
    try {
        type = (0,external_node_fs_namespaceObject.statfsSync)(path).type;
        real = (0,external_node_fs_namespaceObject.realpathSync)(path);
    }
    catch (e) {
        return fail(`cannot be read (${e.code})`);
    }
    if (type !== BINFMT_MISC_MAGIC)
        fail('is not a binfmt_misc mount');
    if (real !== path)
        fail(`goes through a symbolic link (to ${real})`);
}
/** Entry names become file names in binfmt_misc; interpreters are paths root registers. */
function checkEntry(e, where, list) {
    const bad = (what) => {
        throw new Error(`${where}: an entry in '${list}' has ${what}; expected an entry as binfmt_misc lists it. Delete ${where} if you did not write it`);
    };
    if (typeof e !== 'object' || e === null)
        bad('no fields');
    if (typeof e.name !== 'string' ||
        !/^[^/\0\n]{1,255}$/.test(e.name) ||
        ['.', '..', 'register', 'status'].includes(e.name)) {
        bad(`the name ${JSON.stringify(e.name)}`);
    }
    if (typeof e.interpreter !== 'string' ||
        !(0,external_node_path_namespaceObject.isAbsolute)(e.interpreter) ||
        (0,external_node_path_namespaceObject.normalize)(e.interpreter) !== e.interpreter ||
        [...e.interpreter].some(c => c.charCodeAt(0) < 0x20)) {
        bad(`the interpreter ${JSON.stringify(e.interpreter)} (not an absolute, normalised path)`);
    }
    if (typeof e.flags !== 'string' || !/^P?O?C?F?$/.test(e.flags)) {
        bad(`the flags ${JSON.stringify(e.flags)} (P, O, C, F in that order)`);
    }
    if (typeof e.enabled !== 'boolean')
        bad('no enabled state');
    if (!Number.isInteger(e.offset) || e.offset < 0 || e.offset > 255) {
        bad(`the offset ${JSON.stringify(e.offset)}`);
    }
    const hex = (v) => v === undefined || (typeof v === 'string' && /^([0-9a-f]{2})*$/.test(v));
    if (!hex(e.magic) || !hex(e.mask))
        bad('magic or mask that is not lowercase hex');
    if (e.extension !== undefined &&
        (typeof e.extension !== 'string' || /[/\0\n:]/.test(e.extension))) {
        bad(`the extension ${JSON.stringify(e.extension)}`);
    }
}
function checkRunState(state, where) {
    if (typeof state !== 'object' || state === null || state.version !== 1) {
        throw new Error(`${where} is not a setup-binfmt state of version 1: delete it`);
    }
    checkRoot(state.root, where);
    if (typeof state.cleanup !== 'boolean') {
        throw new Error(`${where} has no cleanup setting: delete it`);
    }
    for (const list of ['snapshot', 'created', 'removed', 'adopted']) {
        const entries = state[list] ?? [];
        if (!Array.isArray(entries))
            throw new Error(`${where}: '${list}' is not a list: delete it`);
        for (const e of entries)
            checkEntry(e, where, list);
    }
    if (state.owner !== undefined && !/^[0-9a-f-]{36}$/.test(state.owner)) {
        throw new Error(`${where}: the owner id ${JSON.stringify(state.owner)} is not one we make`);
    }
}
/**
 * A JSON file, for the CLI: install appends to it, uninstall undoes it and deletes it. It and
 * its folder must belong to root or this user and be writable by nobody else.
 */
function fileStore(path) {
    const what = 'setup-binfmt state';
    const name = basename(path);
    return {
        load: () => {
            const dir = existingPrivateDir(dirname(path), what);
            const text = dir === undefined ? undefined : readPrivateFile(join(dir, name), what);
            return text === undefined ? undefined : parseRunState(text, path);
        },
        save: state => {
            writePrivateFile(privateDir(dirname(path), what), name, JSON.stringify(state, null, 2));
        },
        clear: () => {
            const dir = existingPrivateDir(dirname(path), what);
            if (dir !== undefined)
                rmSync(join(dir, name), { force: true });
        }
    };
}
/** Records changes into a RunState and saves it after each one. */
class Journal {
    store;
    start;
    tableAtStart;
    state;
    constructor(store, start, 
    /** The table when this run began (the stored snapshot may be older). */
    tableAtStart) {
        this.store = store;
        this.start = start;
        this.tableAtStart = tableAtStart;
        this.state = start;
        store.save(start);
    }
    /** Continue the stored run when there is one on the same table, else start from `snapshot`. */
    static begin(store, root, cleanup, snapshot, owner) {
        const previous = store.load();
        const start = previous && previous.root === root
            ? { owner, ...previous, cleanup: previous.cleanup && cleanup }
            : { version: 1, root, cleanup, snapshot, created: [], removed: [], adopted: [], owner };
        return new Journal(store, start, snapshot);
    }
    get owner() {
        return this.state.owner;
    }
    adopted(entry) {
        if (this.state.adopted?.some(e => e.name === entry.name))
            return;
        this.update({ adopted: [...(this.state.adopted ?? []), entry] });
    }
    /** Only what this run changed, with the table as this run found it. */
    thisRun() {
        const before = new Set(this.start.created.map(e => e.name));
        return {
            ...this.state,
            snapshot: this.tableAtStart,
            created: this.state.created.filter(e => !before.has(e.name)),
            removed: this.state.removed.slice(this.start.removed.length),
            adopted: (this.state.adopted ?? []).slice(this.start.adopted?.length ?? 0)
        };
    }
    /** After this run's changes were undone: record that nothing of them is left. */
    forgetThisRun() {
        const mine = new Set(this.thisRun().created.map(e => e.name));
        this.update({
            created: this.state.created.filter(e => !mine.has(e.name)),
            removed: this.state.removed.slice(0, this.start.removed.length),
            adopted: (this.state.adopted ?? []).slice(0, this.start.adopted?.length ?? 0)
        });
    }
    get current() {
        return this.state;
    }
    created(entry) {
        this.update({ created: [...this.state.created, entry] });
    }
    removed(entry) {
        // Removing an entry this run created just forgets it; others are put back by post.
        if (this.state.created.some(e => e.name === entry.name)) {
            this.update({ created: this.state.created.filter(e => e.name !== entry.name) });
        }
        else {
            this.update({ removed: [...this.state.removed, entry] });
        }
    }
    /**
     * Save the record of a change before making it, so that a run killed in between leaves
     * nothing unrecorded for post; when the change fails, take the record back.
     */
    async writeAhead(record, change) {
        const before = this.state;
        record();
        try {
            return await change();
        }
        catch (e) {
            this.update(before);
            throw e;
        }
    }
    update(change) {
        this.state = { ...this.state, ...change };
        this.store.save(this.state);
    }
}

;// CONCATENATED MODULE: ./src/action/step-state.ts
// The runner's per-step state. Main keeps what it changed in a private file under RUNNER_TEMP
// and saves only that file's path, once, as STATE_binfmt: the step state stays a few bytes
// however large the table (the runner passes it to post in one environment variable, and a
// 700-entry snapshot passed the kernel's 128 KB limit for one), and GITHUB_STATE does not grow
// with every change.






const KEY = 'binfmt';
const step_state_WHAT = 'the step state';
const NAME = 'state.json';
/** The state file main made, as the step state names it (checked before it is read). */
function savedFile() {
    const file = getState(KEY);
    if (!file)
        return undefined;
    if (!(0,external_node_path_namespaceObject.isAbsolute)(file) || !file.endsWith(`/${NAME}`)) {
        throw new Error(`The step state ${JSON.stringify(file.slice(0, 80))} is not the path of a setup-binfmt state file: main and post must be the same version`);
    }
    return file;
}
function actionStore() {
    // This process's own file, once main has saved something.
    let mine;
    const file = () => mine ?? savedFile();
    return {
        load: () => {
            const path = file();
            if (!path)
                return undefined;
            const dir = private_files_existingPrivateDir((0,external_node_path_namespaceObject.dirname)(path), step_state_WHAT);
            const text = dir === undefined ? undefined : private_files_readPrivateFile((0,external_node_path_namespaceObject.join)(dir, NAME), step_state_WHAT);
            return text === undefined ? undefined : parseRunState(text, path);
        },
        save: state => {
            if (!mine) {
                const base = checkFolders(tempRoot(), step_state_WHAT, true);
                // A fresh folder under a random name, made exclusively: nothing planted can be it.
                const dir = private_files_privateDir((0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(base, 'setup-binfmt-')), step_state_WHAT);
                mine = (0,external_node_path_namespaceObject.join)(dir, NAME);
                private_files_writePrivateFile(dir, NAME, JSON.stringify(state));
                saveState(KEY, mine);
                return;
            }
            private_files_writePrivateFile((0,external_node_path_namespaceObject.dirname)(mine), NAME, JSON.stringify(state));
        },
        clear: () => {
            const path = file();
            const dir = path && (0,external_node_path_namespaceObject.dirname)(path);
            if (dir && (0,external_node_path_namespaceObject.basename)(dir).startsWith('setup-binfmt-') && private_files_existingPrivateDir(dir, step_state_WHAT)) {
                (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/action/summary.ts
// The job summary: one row per platform after main, what was put back after post.


function setupSummary(result) {
    const source = result.acquired
        ? `${result.acquired.source}${result.acquired.cacheHit ? '' : `, ${result.acquired.downloadedBytes} bytes`}`
        : '';
    const rows = result.registered.map(r => {
        const from = result.acquired?.files.find(f => f.targets.includes(r.target))?.file;
        const checks = result.verified.filter(v => v.target === r.target);
        const verified = checks.map(v => `${v.method} ${v.ok ? 'ok' : 'FAILED'} ${v.ms} ms`).join(', ');
        return [
            ociPlatforms(r.target).join(', '),
            r.target,
            r.entry.name,
            result.acquired?.version ?? '',
            r.entry.flags,
            `${r.action}; ${source}${from ? `; from ${from}` : ''}`,
            verified || 'not verified'
        ];
    });
    const summary = new Summary().heading('setup-binfmt');
    if (rows.length > 0) {
        summary.table(['Platform', 'QEMU target', 'Entry', 'QEMU', 'Flags', 'Source', 'Verified'], rows);
    }
    return summary.paragraph(`Native: ${result.plan.native.join(', ') || 'none'}`);
}
function restoreSummary(report) {
    const line = (label, names) => `${label}: ${names.join(', ') || 'none'}`;
    return new runner_Summary()
        .heading('setup-binfmt: binfmt_misc restored')
        .list([
        line('Removed', report.removed),
        line('Put back', report.restored),
        line('Left for jobs still running', report.shared),
        line('Gone during the job', report.vanished),
        report.differences.length === 0
            ? 'The table equals its state before the job'
            : line('Differences', report.differences)
    ]);
}

;// CONCATENATED MODULE: ./src/action/post-step.ts
// The action's post step: undo what main changed, from the state main saved. Problems are
// warnings: by then the job's real work is done. Kept apart from main so that its bundle
// carries none of the setup code.




async function runPost(store = actionStore(), log = runnerLog) {
    try {
        const state = store.load();
        if (!state) {
            log.info('Nothing to restore: main changed nothing');
            return;
        }
        if (!state.cleanup) {
            log.info(`cleanup is false: leaving ${state.created.map(e => e.name).join(', ') || 'the table'} as it is`);
            store.clear();
            return;
        }
        const report = await log.group('Restore binfmt_misc', () => restoreSaved(store, log));
        if (report)
            await restoreSummary(report).write();
    }
    catch (e) {
        log.warning(`Could not restore binfmt_misc: ${e.message}`);
    }
}


/***/ }),

/***/ 103:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_post_step_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(994);

await (0,_action_post_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runPost */ .a)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(103);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
