import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 723:
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
function run(argv, options = {}) {
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
    const hash = createHash('sha256');
    await pipeline(createReadStream(path), hash);
    return hash.digest('hex');
}

;// CONCATENATED MODULE: ./src/binfmt/table.ts
// The kernel's binfmt_misc table: read, register, remove. Never writes `status` and never
// unmounts; mounts the filesystem when it is missing and leaves it mounted.





const DEFAULT_ROOT = '/proc/sys/fs/binfmt_misc';
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
    for (const line of text.split('\n')) {
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
    }
    return { name, enabled, interpreter, flags, offset, magic, mask, extension };
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
        mount: async (root) => void (await run(['mount', '-t', 'binfmt_misc', 'binfmt_misc', root], { log }))
    };
}
function sudoWriter(log) {
    return {
        // dd, not tee: tee follows a link and creates a missing file. One write of the whole
        // input (fullblock), since binfmt_misc takes a registration only in a single write.
        write: async (file, data) => void (await run([
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
        mount: async (root) => void (await run(['sudo', '-n', 'mount', '-t', 'binfmt_misc', 'binfmt_misc', root], { log }))
    };
}
/** Root writes directly; anyone else needs passwordless sudo, or gets told how to fix it. */
async function chooseWriter(log) {
    if (process.getuid?.() === 0)
        return directWriter(log);
    const probe = await run(['sudo', '-n', 'true'], { allowFailure: true, log }).catch((e) => ({ code: -1, stderr: e.message, stdout: '' }));
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
    constructor(root, writer, log) {
        this.root = root;
        this.writer = writer;
        this.log = log;
    }
    /** Open the table at `root`, mounting binfmt_misc there when it is not mounted. */
    static async open(options = {}) {
        const root = options.root ?? DEFAULT_ROOT;
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
        return new BinfmtTable(root, writer, options.log);
    }
    /** Read-only view of the entries at `root`; none when binfmt_misc is not mounted there. */
    static async read(root = DEFAULT_ROOT) {
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
        const line = registerLine(entry);
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
    return sha256File(path).catch(() => undefined);
}
/** Magic with the mask applied: the bytes the kernel actually compares. */
function masked(magic = '', mask = '') {
    const bytes = Buffer.from(magic, 'hex');
    const bits = Buffer.from(mask, 'hex');
    return Buffer.from(bytes.map((b, i) => b & (bits[i] ?? 0xff))).toString('hex');
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
/** Identical to what we would write: same definition and interpreter bytes (paths may differ). */
async function sameEntry(existing, wanted) {
    if (!sameDefinition({ ...existing, interpreter: '' }, { ...wanted, interpreter: '' }))
        return false;
    if (existing.interpreter === wanted.interpreter)
        return true;
    const [a, b] = await Promise.all([
        fileDigest(existing.interpreter),
        fileDigest(wanted.interpreter)
    ]);
    return a !== undefined && a === b;
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
            await run(['sudo', '-n', 'mkdir', '-m', mode, path], { log, allowFailure: true });
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
    const result = await run(['sudo', '-n', 'cat', path], { allowFailure: true, log });
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
    await run(['sudo', '-n', 'dd', `of=${temp}`, 'conv=excl', 'oflag=nofollow', 'status=none'], {
        input: text,
        log
    });
    await run(['sudo', '-n', 'mv', '-f', '-T', temp, (0,external_node_path_namespaceObject.join)(place.dir, OWNERS)], { log });
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
    for (const entry of state.removed) {
        const current = await table.get(entry.name);
        if (current && sameDefinition(current, entry))
            continue;
        if (current) {
            log.warning(`${entry.name} was registered again during the job with another definition: leaving that one`);
            continue;
        }
        try {
            await table.register(entry);
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
    report.differences.push(...compare(state.snapshot.filter(mine), (await table.list()).filter(mine)));
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
/** One line per entry added, missing or changed between two tables. */
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

;// CONCATENATED MODULE: ./src/util/temp.ts
// Temporary folders: under RUNNER_TEMP on a runner (the runner empties it after every job and
// it is on the job's disk), else the system's temporary folder.



/** The folder temporary folders go in. */
function tempRoot() {
    return process.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)();
}
/** A new, empty folder named setup-binfmt-<purpose>-XXXXXX, mode 0700. */
function makeTempDir(purpose) {
    return mkdtemp(join(tempRoot(), `setup-binfmt-${purpose}-`));
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
    if (root === DEFAULT_ROOT)
        return;
    const fail = (why) => {
        throw new Error(`${where} names ${JSON.stringify(root)} as its binfmt_misc folder, which ${why}; ` +
            `expected ${DEFAULT_ROOT} or another binfmt_misc mount. Delete ${where} if you did not write it`);
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
const CONTAINER_TARGETS = (/* unused pure expression or super */ null && ([
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
        ...CONTAINER_TARGETS.flatMap(names_ociPlatforms),
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
            targets.push(...CONTAINER_TARGETS);
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

/***/ 661:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_post_step_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(723);

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
/******/ var __webpack_exports__ = __nccwpck_require__(661);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
