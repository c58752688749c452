import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3057:
/***/ ((module) => {

function isBuffer(value) {
  return Buffer.isBuffer(value) || value instanceof Uint8Array
}

function isEncoding(encoding) {
  return Buffer.isEncoding(encoding)
}

function alloc(size, fill, encoding) {
  return Buffer.alloc(size, fill, encoding)
}

function allocUnsafe(size) {
  return Buffer.allocUnsafe(size)
}

function allocUnsafeSlow(size) {
  return Buffer.allocUnsafeSlow(size)
}

function byteLength(string, encoding) {
  return Buffer.byteLength(string, encoding)
}

function compare(a, b) {
  return Buffer.compare(a, b)
}

function concat(buffers, totalLength) {
  return Buffer.concat(buffers, totalLength)
}

function copy(source, target, targetStart, start, end) {
  return toBuffer(source).copy(target, targetStart, start, end)
}

function equals(a, b) {
  return toBuffer(a).equals(b)
}

function fill(buffer, value, offset, end, encoding) {
  return toBuffer(buffer).fill(value, offset, end, encoding)
}

function from(value, encodingOrOffset, length) {
  return Buffer.from(value, encodingOrOffset, length)
}

function includes(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).includes(value, byteOffset, encoding)
}

function indexOf(buffer, value, byfeOffset, encoding) {
  return toBuffer(buffer).indexOf(value, byfeOffset, encoding)
}

function lastIndexOf(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).lastIndexOf(value, byteOffset, encoding)
}

function swap16(buffer) {
  return toBuffer(buffer).swap16()
}

function swap32(buffer) {
  return toBuffer(buffer).swap32()
}

function swap64(buffer) {
  return toBuffer(buffer).swap64()
}

function toBuffer(buffer) {
  if (Buffer.isBuffer(buffer)) return buffer
  return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

function toString(buffer, encoding, start, end) {
  return toBuffer(buffer).toString(encoding, start, end)
}

function toHex(buffer, start, end) {
  return toBuffer(buffer).toString('hex', start, end)
}

function write(buffer, string, offset, length, encoding) {
  return toBuffer(buffer).write(string, offset, length, encoding)
}

function readDoubleBE(buffer, offset) {
  return toBuffer(buffer).readDoubleBE(offset)
}

function readDoubleLE(buffer, offset) {
  return toBuffer(buffer).readDoubleLE(offset)
}

function readFloatBE(buffer, offset) {
  return toBuffer(buffer).readFloatBE(offset)
}

function readFloatLE(buffer, offset) {
  return toBuffer(buffer).readFloatLE(offset)
}

function readInt32BE(buffer, offset) {
  return toBuffer(buffer).readInt32BE(offset)
}

function readInt32LE(buffer, offset) {
  return toBuffer(buffer).readInt32LE(offset)
}

function readUInt32BE(buffer, offset) {
  return toBuffer(buffer).readUInt32BE(offset)
}

function readUInt32LE(buffer, offset) {
  return toBuffer(buffer).readUInt32LE(offset)
}

function writeDoubleBE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleBE(value, offset)
}

function writeDoubleLE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleLE(value, offset)
}

function writeFloatBE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatBE(value, offset)
}

function writeFloatLE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatLE(value, offset)
}

function writeInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32BE(value, offset)
}

function writeInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32LE(value, offset)
}

function writeUInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32BE(value, offset)
}

function writeUInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32LE(value, offset)
}

module.exports = {
  isBuffer,
  isEncoding,
  alloc,
  allocUnsafe,
  allocUnsafeSlow,
  byteLength,
  compare,
  concat,
  copy,
  equals,
  fill,
  from,
  includes,
  indexOf,
  lastIndexOf,
  swap16,
  swap32,
  swap64,
  toBuffer,
  toString,
  toHex,
  write,
  readDoubleBE,
  readDoubleLE,
  readFloatBE,
  readFloatLE,
  readInt32BE,
  readInt32LE,
  readUInt32BE,
  readUInt32LE,
  writeDoubleBE,
  writeDoubleLE,
  writeFloatBE,
  writeFloatLE,
  writeInt32BE,
  writeInt32LE,
  writeUInt32BE,
  writeUInt32LE
}


/***/ }),

/***/ 9580:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(4434)


/***/ }),

/***/ 3587:
/***/ ((module) => {

module.exports = class FixedFIFO {
  constructor (hwm) {
    if (!(hwm > 0) || ((hwm - 1) & hwm) !== 0) throw new Error('Max size for a FixedFIFO should be a power of two')
    this.buffer = new Array(hwm)
    this.mask = hwm - 1
    this.top = 0
    this.btm = 0
    this.next = null
  }

  clear () {
    this.top = this.btm = 0
    this.next = null
    this.buffer.fill(undefined)
  }

  push (data) {
    if (this.buffer[this.top] !== undefined) return false
    this.buffer[this.top] = data
    this.top = (this.top + 1) & this.mask
    return true
  }

  shift () {
    const last = this.buffer[this.btm]
    if (last === undefined) return undefined
    this.buffer[this.btm] = undefined
    this.btm = (this.btm + 1) & this.mask
    return last
  }

  peek () {
    return this.buffer[this.btm]
  }

  isEmpty () {
    return this.buffer[this.btm] === undefined
  }
}


/***/ }),

/***/ 3867:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const FixedFIFO = __nccwpck_require__(3587)

module.exports = class FastFIFO {
  constructor (hwm) {
    this.hwm = hwm || 16
    this.head = new FixedFIFO(this.hwm)
    this.tail = this.head
    this.length = 0
  }

  clear () {
    this.head = this.tail
    this.head.clear()
    this.length = 0
  }

  push (val) {
    this.length++
    if (!this.head.push(val)) {
      const prev = this.head
      this.head = prev.next = new FixedFIFO(2 * this.head.buffer.length)
      this.head.push(val)
    }
  }

  shift () {
    if (this.length !== 0) this.length--
    const val = this.tail.shift()
    if (val === undefined && this.tail.next) {
      const next = this.tail.next
      this.tail.next = null
      this.tail = next
      return this.tail.shift()
    }

    return val
  }

  peek () {
    const val = this.tail.peek()
    if (val === undefined && this.tail.next) return this.tail.next.peek()
    return val
  }

  isEmpty () {
    return this.length === 0
  }
}


/***/ }),

/***/ 9379:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const ANY = Symbol('SemVer ANY')
// hoisted class for cyclic dependency
class Comparator {
  static get ANY () {
    return ANY
  }

  constructor (comp, options) {
    options = parseOptions(options)

    if (comp instanceof Comparator) {
      if (comp.loose === !!options.loose) {
        return comp
      } else {
        comp = comp.value
      }
    }

    comp = comp.trim().split(/\s+/).join(' ')
    debug('comparator', comp, options)
    this.options = options
    this.loose = !!options.loose
    this.parse(comp)

    if (this.semver === ANY) {
      this.value = ''
    } else {
      this.value = this.operator + this.semver.version
    }

    debug('comp', this)
  }

  parse (comp) {
    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR]
    const m = comp.match(r)

    if (!m) {
      throw new TypeError(`Invalid comparator: ${comp}`)
    }

    this.operator = m[1] !== undefined ? m[1] : ''
    if (this.operator === '=') {
      this.operator = ''
    }

    // if it literally is just '>' or '' then allow anything.
    if (!m[2]) {
      this.semver = ANY
    } else {
      this.semver = new SemVer(m[2], this.options.loose)
    }
  }

  toString () {
    return this.value
  }

  test (version) {
    debug('Comparator.test', version, this.options.loose)

    if (this.semver === ANY || version === ANY) {
      return true
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    return cmp(version, this.operator, this.semver, this.options)
  }

  intersects (comp, options) {
    if (!(comp instanceof Comparator)) {
      throw new TypeError('a Comparator is required')
    }

    if (this.operator === '') {
      if (this.value === '') {
        return true
      }
      return new Range(comp.value, options).test(this.value)
    } else if (comp.operator === '') {
      if (comp.value === '') {
        return true
      }
      return new Range(this.value, options).test(comp.semver)
    }

    options = parseOptions(options)

    // Special cases where nothing can possibly be lower
    if (options.includePrerelease &&
      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
      return false
    }
    if (!options.includePrerelease &&
      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
      return false
    }

    // Same direction increasing (> or >=)
    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
      return true
    }
    // Same direction decreasing (< or <=)
    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
      return true
    }
    // same SemVer and both sides are inclusive (<= or >=)
    if (
      (this.semver.version === comp.semver.version) &&
      this.operator.includes('=') && comp.operator.includes('=')) {
      return true
    }
    // opposite directions less than
    if (cmp(this.semver, '<', comp.semver, options) &&
      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
      return true
    }
    // opposite directions greater than
    if (cmp(this.semver, '>', comp.semver, options) &&
      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
      return true
    }
    return false
  }
}

module.exports = Comparator

const parseOptions = __nccwpck_require__(356)
const { safeRe: re, t } = __nccwpck_require__(5471)
const cmp = __nccwpck_require__(8646)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)


/***/ }),

/***/ 6782:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SPACE_CHARACTERS = /\s+/g

// hoisted class for cyclic dependency
class Range {
  constructor (range, options) {
    options = parseOptions(options)

    if (range instanceof Range) {
      if (
        range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease
      ) {
        return range
      } else {
        return new Range(range.raw, options)
      }
    }

    if (range instanceof Comparator) {
      // just put it in the set and return
      this.raw = range.value
      this.set = [[range]]
      this.formatted = undefined
      return this
    }

    this.options = options
    this.loose = !!options.loose
    this.includePrerelease = !!options.includePrerelease

    // First reduce all whitespace as much as possible so we do not have to rely
    // on potentially slow regexes like \s*. This is then stored and used for
    // future error messages as well.
    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ')

    // First, split on ||
    this.set = this.raw
      .split('||')
      // map the range to a 2d array of comparators
      .map(r => this.parseRange(r.trim()))
      // throw out any comparator lists that are empty
      // this generally means that it was not a valid range, which is allowed
      // in loose mode, but will still throw if the WHOLE range is invalid.
      .filter(c => c.length)

    if (!this.set.length) {
      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
    }

    // if we have any that are not the null set, throw out null sets.
    if (this.set.length > 1) {
      // keep the first one, in case they're all null sets
      const first = this.set[0]
      this.set = this.set.filter(c => !isNullSet(c[0]))
      if (this.set.length === 0) {
        this.set = [first]
      } else if (this.set.length > 1) {
        // if we have any that are *, then the range is just *
        for (const c of this.set) {
          if (c.length === 1 && isAny(c[0])) {
            this.set = [c]
            break
          }
        }
      }
    }

    this.formatted = undefined
  }

  get range () {
    if (this.formatted === undefined) {
      this.formatted = ''
      for (let i = 0; i < this.set.length; i++) {
        if (i > 0) {
          this.formatted += '||'
        }
        const comps = this.set[i]
        for (let k = 0; k < comps.length; k++) {
          if (k > 0) {
            this.formatted += ' '
          }
          this.formatted += comps[k].toString().trim()
        }
      }
    }
    return this.formatted
  }

  format () {
    return this.range
  }

  toString () {
    return this.range
  }

  parseRange (range) {
    // strip build metadata so it can't bleed into the version
    range = range.replace(BUILDSTRIPRE, '')

    // memoize range parsing for performance.
    // this is a very hot path, and fully deterministic.
    const memoOpts =
      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
      (this.options.loose && FLAG_LOOSE)
    const memoKey = memoOpts + ':' + range
    const cached = cache.get(memoKey)
    if (cached) {
      return cached
    }

    const loose = this.options.loose
    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE]
    range = range.replace(hr, hyphenReplace(this.options.includePrerelease))
    debug('hyphen replace', range)

    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
    range = trimComparatorWhitespace(range)
    debug('comparator trim', range)

    // `~ 1.2.3` => `~1.2.3`
    range = range.replace(re[t.TILDETRIM], tildeTrimReplace)
    debug('tilde trim', range)

    // `^ 1.2.3` => `^1.2.3`
    range = range.replace(re[t.CARETTRIM], caretTrimReplace)
    debug('caret trim', range)

    // At this point, the range is completely trimmed and
    // ready to be split into comparators.

    let rangeList = range
      .split(' ')
      .map(comp => parseComparator(comp, this.options))
      .join(' ')
      .split(/\s+/)
      // >=0.0.0 is equivalent to *
      .map(comp => replaceGTE0(comp, this.options))

    if (loose) {
      // in loose mode, throw out any that are not valid comparators
      rangeList = rangeList.filter(comp => {
        debug('loose invalid filter', comp, this.options)
        return !!comp.match(re[t.COMPARATORLOOSE])
      })
    }
    debug('range list', rangeList)

    // if any comparators are the null set, then replace with JUST null set
    // if more than one comparator, remove any * comparators
    // also, don't include the same comparator more than once
    const rangeMap = new Map()
    const comparators = rangeList.map(comp => new Comparator(comp, this.options))
    for (const comp of comparators) {
      if (isNullSet(comp)) {
        return [comp]
      }
      rangeMap.set(comp.value, comp)
    }
    if (rangeMap.size > 1 && rangeMap.has('')) {
      rangeMap.delete('')
    }

    const result = [...rangeMap.values()]
    cache.set(memoKey, result)
    return result
  }

  intersects (range, options) {
    if (!(range instanceof Range)) {
      throw new TypeError('a Range is required')
    }

    return this.set.some((thisComparators) => {
      return (
        isSatisfiable(thisComparators, options) &&
        range.set.some((rangeComparators) => {
          return (
            isSatisfiable(rangeComparators, options) &&
            thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options)
              })
            })
          )
        })
      )
    })
  }

  // if ANY of the sets match ALL of its comparators, then pass
  test (version) {
    if (!version) {
      return false
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    for (let i = 0; i < this.set.length; i++) {
      if (testSet(this.set[i], version, this.options)) {
        return true
      }
    }
    return false
  }
}

module.exports = Range

const LRU = __nccwpck_require__(1383)
const cache = new LRU()

const parseOptions = __nccwpck_require__(356)
const Comparator = __nccwpck_require__(9379)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const trimComparatorWhitespace = __nccwpck_require__(9737)
const {
  safeRe: re,
  src,
  t,
  tildeTrimReplace,
  caretTrimReplace,
} = __nccwpck_require__(5471)
const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = __nccwpck_require__(5101)

// unbounded global build-metadata stripper used by parseRange
const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g')

const isNullSet = c => c.value === '<0.0.0-0'
const isAny = c => c.value === ''

// take a set of comparators and determine whether there
// exists a version which can satisfy it
const isSatisfiable = (comparators, options) => {
  let result = true
  const remainingComparators = comparators.slice()
  let testComparator = remainingComparators.pop()

  while (result && remainingComparators.length) {
    result = remainingComparators.every((otherComparator) => {
      return testComparator.intersects(otherComparator, options)
    })

    testComparator = remainingComparators.pop()
  }

  return result
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
const parseComparator = (comp, options) => {
  comp = comp.replace(re[t.BUILD], '')
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

const isX = id => !id || id.toLowerCase() === 'x' || id === '*'

const invalidXRangeOrder = (M, m, p) => (
  (isX(M) && !isX(m)) ||
  (isX(m) && p && !isX(p))
)

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
// ~0.0.1 --> >=0.0.1 <0.1.0-0
const replaceTildes = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceTilde(c, options))
    .join(' ')
}

const replaceTilde = (comp, options) => {
  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE]
  // if we're including prereleases in the match, then the lower bound is
  // -0, the lowest possible prerelease value, just like x-ranges and carets.
  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('tilde', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0-0
      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = `>=${M}.${m}.${p}-${pr
      } <${M}.${+m + 1}.0-0`
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0-0
      ret = `>=${M}.${m}.${p
      } <${M}.${+m + 1}.0-0`
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
// ^1.2.3 --> >=1.2.3 <2.0.0-0
// ^1.2.0 --> >=1.2.0 <2.0.0-0
// ^0.0.1 --> >=0.0.1 <0.0.2-0
// ^0.1.0 --> >=0.1.0 <0.2.0-0
const replaceCarets = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceCaret(c, options))
    .join(' ')
}

const replaceCaret = (comp, options) => {
  debug('caret', comp, options)
  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET]
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('caret', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      if (M === '0') {
        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
      } else {
        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p}-${pr
        } <${+M + 1}.0.0-0`
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p
        } <${+M + 1}.0.0-0`
      }
    }

    debug('caret return', ret)
    return ret
  })
}

const replaceXRanges = (comp, options) => {
  debug('replaceXRanges', comp, options)
  return comp
    .split(/\s+/)
    .map((c) => replaceXRange(c, options))
    .join(' ')
}

const replaceXRange = (comp, options) => {
  comp = comp.trim()
  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE]
  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    if (invalidXRangeOrder(M, m, p)) {
      return comp
    }

    const xM = isX(M)
    const xm = xM || isX(m)
    const xp = xm || isX(p)
    const anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    // if we're including prereleases in the match, then we need
    // to fix this to -0, the lowest possible prerelease value
    pr = options.includePrerelease ? '-0' : ''

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0-0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      if (gtlt === '<') {
        pr = '-0'
      }

      ret = `${gtlt + M}.${m}.${p}${pr}`
    } else if (xm) {
      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`
    } else if (xp) {
      ret = `>=${M}.${m}.0${pr
      } <${M}.${+m + 1}.0-0`
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
const replaceStars = (comp, options) => {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp
    .trim()
    .replace(re[t.STAR], '')
}

const replaceGTE0 = (comp, options) => {
  debug('replaceGTE0', comp, options)
  return comp
    .trim()
    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
}

// This function is passed to string.replace(re[t.HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
// TODO build?
const hyphenReplace = incPr => ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr) => {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = `>=${fM}.0.0${incPr ? '-0' : ''}`
  } else if (isX(fp)) {
    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`
  } else if (fpr) {
    from = `>=${from}`
  } else {
    from = `>=${from}${incPr ? '-0' : ''}`
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = `<${+tM + 1}.0.0-0`
  } else if (isX(tp)) {
    to = `<${tM}.${+tm + 1}.0-0`
  } else if (tpr) {
    to = `<=${tM}.${tm}.${tp}-${tpr}`
  } else if (incPr) {
    to = `<${tM}.${tm}.${+tp + 1}-0`
  } else {
    to = `<=${to}`
  }

  return `${from} ${to}`.trim()
}

const testSet = (set, version, options) => {
  for (let i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (let i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === Comparator.ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        const allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}


/***/ }),

/***/ 7163:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const debug = __nccwpck_require__(1159)
const { MAX_LENGTH, MAX_SAFE_INTEGER } = __nccwpck_require__(5101)
const { safeRe: re, t } = __nccwpck_require__(5471)

const parseOptions = __nccwpck_require__(356)
const { compareIdentifiers } = __nccwpck_require__(3348)

const isPrereleaseIdentifier = (prerelease, identifier) => {
  const identifiers = identifier.split('.')
  if (identifiers.length > prerelease.length) {
    return false
  }

  for (let i = 0; i < identifiers.length; i++) {
    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
      return false
    }
  }

  return true
}

class SemVer {
  constructor (version, options) {
    options = parseOptions(options)

    if (version instanceof SemVer) {
      if (version.loose === !!options.loose &&
        version.includePrerelease === !!options.includePrerelease) {
        return version
      } else {
        version = version.version
      }
    } else if (typeof version !== 'string') {
      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
    }

    if (version.length > MAX_LENGTH) {
      throw new TypeError(
        `version is longer than ${MAX_LENGTH} characters`
      )
    }

    debug('SemVer', version, options)
    this.options = options
    this.loose = !!options.loose
    // this isn't actually relevant for versions, but keep it so that we
    // don't run into trouble passing this.options around.
    this.includePrerelease = !!options.includePrerelease

    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL])

    if (!m) {
      throw new TypeError(`Invalid Version: ${version}`)
    }

    this.raw = version

    // these are actually numbers
    this.major = +m[1]
    this.minor = +m[2]
    this.patch = +m[3]

    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
      throw new TypeError('Invalid major version')
    }

    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
      throw new TypeError('Invalid minor version')
    }

    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
      throw new TypeError('Invalid patch version')
    }

    // numberify any prerelease numeric ids
    if (!m[4]) {
      this.prerelease = []
    } else {
      this.prerelease = m[4].split('.').map((id) => {
        if (/^[0-9]+$/.test(id)) {
          const num = +id
          if (num >= 0 && num < MAX_SAFE_INTEGER) {
            return num
          }
        }
        return id
      })
    }

    this.build = m[5] ? m[5].split('.') : []
    this.format()
  }

  format () {
    this.version = `${this.major}.${this.minor}.${this.patch}`
    if (this.prerelease.length) {
      this.version += `-${this.prerelease.join('.')}`
    }
    return this.version
  }

  toString () {
    return this.version
  }

  compare (other) {
    debug('SemVer.compare', this.version, this.options, other)
    if (!(other instanceof SemVer)) {
      if (typeof other === 'string' && other === this.version) {
        return 0
      }
      other = new SemVer(other, this.options)
    }

    if (other.version === this.version) {
      return 0
    }

    return this.compareMain(other) || this.comparePre(other)
  }

  compareMain (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    if (this.major < other.major) {
      return -1
    }
    if (this.major > other.major) {
      return 1
    }
    if (this.minor < other.minor) {
      return -1
    }
    if (this.minor > other.minor) {
      return 1
    }
    if (this.patch < other.patch) {
      return -1
    }
    if (this.patch > other.patch) {
      return 1
    }
    return 0
  }

  comparePre (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    // NOT having a prerelease is > having one
    if (this.prerelease.length && !other.prerelease.length) {
      return -1
    } else if (!this.prerelease.length && other.prerelease.length) {
      return 1
    } else if (!this.prerelease.length && !other.prerelease.length) {
      return 0
    }

    let i = 0
    do {
      const a = this.prerelease[i]
      const b = other.prerelease[i]
      debug('prerelease compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  compareBuild (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    let i = 0
    do {
      const a = this.build[i]
      const b = other.build[i]
      debug('build compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  // preminor will bump the version up to the next minor release, and immediately
  // down to pre-release. premajor and prepatch work the same way.
  inc (release, identifier, identifierBase) {
    if (release.startsWith('pre')) {
      if (!identifier && identifierBase === false) {
        throw new Error('invalid increment argument: identifier is empty')
      }
      // Avoid an invalid semver results
      if (identifier) {
        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE])
        if (!match || match[1] !== identifier) {
          throw new Error(`invalid identifier: ${identifier}`)
        }
      }
    }

    switch (release) {
      case 'premajor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor = 0
        this.major++
        this.inc('pre', identifier, identifierBase)
        break
      case 'preminor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor++
        this.inc('pre', identifier, identifierBase)
        break
      case 'prepatch':
        // If this is already a prerelease, it will bump to the next version
        // drop any prereleases that might already exist, since they are not
        // relevant at this point.
        this.prerelease.length = 0
        this.inc('patch', identifier, identifierBase)
        this.inc('pre', identifier, identifierBase)
        break
      // If the input is a non-prerelease version, this acts the same as
      // prepatch.
      case 'prerelease':
        if (this.prerelease.length === 0) {
          this.inc('patch', identifier, identifierBase)
        }
        this.inc('pre', identifier, identifierBase)
        break
      case 'release':
        if (this.prerelease.length === 0) {
          throw new Error(`version ${this.raw} is not a prerelease`)
        }
        this.prerelease.length = 0
        break

      case 'major':
        // If this is a pre-major version, bump up to the same major version.
        // Otherwise increment major.
        // 1.0.0-5 bumps to 1.0.0
        // 1.1.0 bumps to 2.0.0
        if (
          this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0
        ) {
          this.major++
        }
        this.minor = 0
        this.patch = 0
        this.prerelease = []
        break
      case 'minor':
        // If this is a pre-minor version, bump up to the same minor version.
        // Otherwise increment minor.
        // 1.2.0-5 bumps to 1.2.0
        // 1.2.1 bumps to 1.3.0
        if (this.patch !== 0 || this.prerelease.length === 0) {
          this.minor++
        }
        this.patch = 0
        this.prerelease = []
        break
      case 'patch':
        // If this is not a pre-release version, it will increment the patch.
        // If it is a pre-release it will bump up to the same patch version.
        // 1.2.0-5 patches to 1.2.0
        // 1.2.0 patches to 1.2.1
        if (this.prerelease.length === 0) {
          this.patch++
        }
        this.prerelease = []
        break
      // This probably shouldn't be used publicly.
      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
      case 'pre': {
        const base = Number(identifierBase) ? 1 : 0

        if (this.prerelease.length === 0) {
          this.prerelease = [base]
        } else {
          let i = this.prerelease.length
          while (--i >= 0) {
            if (typeof this.prerelease[i] === 'number') {
              this.prerelease[i]++
              i = -2
            }
          }
          if (i === -1) {
            // didn't increment anything
            if (identifier === this.prerelease.join('.') && identifierBase === false) {
              throw new Error('invalid increment argument: identifier already exists')
            }
            this.prerelease.push(base)
          }
        }
        if (identifier) {
          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
          let prerelease = [identifier, base]
          if (identifierBase === false) {
            prerelease = [identifier]
          }
          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
            const prereleaseBase = this.prerelease[identifier.split('.').length]
            if (isNaN(prereleaseBase)) {
              this.prerelease = prerelease
            }
          } else {
            this.prerelease = prerelease
          }
        }
        break
      }
      default:
        throw new Error(`invalid increment argument: ${release}`)
    }
    this.raw = this.format()
    if (this.build.length) {
      this.raw += `+${this.build.join('.')}`
    }
    return this
  }
}

module.exports = SemVer


/***/ }),

/***/ 1799:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const clean = (version, options) => {
  const s = parse(version.trim().replace(/^[=v]+/, ''), options)
  return s ? s.version : null
}
module.exports = clean


/***/ }),

/***/ 8646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gt = __nccwpck_require__(6599)
const gte = __nccwpck_require__(1236)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)

const cmp = (a, op, b, loose) => {
  switch (op) {
    case '===':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a === b

    case '!==':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError(`Invalid operator: ${op}`)
  }
}
module.exports = cmp


/***/ }),

/***/ 5385:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = __nccwpck_require__(6353)
const { safeRe: re, t } = __nccwpck_require__(5471)

const coerce = (version, options) => {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version === 'number') {
    version = String(version)
  }

  if (typeof version !== 'string') {
    return null
  }

  options = options || {}

  let match = null
  if (!options.rtl) {
    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE])
  } else {
    // Find the right-most coercible string that does not share
    // a terminus with a more left-ward coercible string.
    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
    //
    // Walk through the string checking with a /g regexp
    // Manually set the index so as to pick up overlapping matches.
    // Stop when we get a match that ends at the string end, since no
    // coercible string can be more right-ward without the same terminus.
    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL]
    let next
    while ((next = coerceRtlRegex.exec(version)) &&
        (!match || match.index + match[0].length !== version.length)
    ) {
      if (!match ||
            next.index + next[0].length !== match.index + match[0].length) {
        match = next
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }

  if (match === null) {
    return null
  }

  const major = match[2]
  const minor = match[3] || '0'
  const patch = match[4] || '0'
  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : ''
  const build = options.includePrerelease && match[6] ? `+${match[6]}` : ''

  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
}
module.exports = coerce


/***/ }),

/***/ 7648:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compareBuild = (a, b, loose) => {
  const versionA = new SemVer(a, loose)
  const versionB = new SemVer(b, loose)
  return versionA.compare(versionB) || versionA.compareBuild(versionB)
}
module.exports = compareBuild


/***/ }),

/***/ 6874:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const compareLoose = (a, b) => compare(a, b, true)
module.exports = compareLoose


/***/ }),

/***/ 8469:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 711:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)

const diff = (version1, version2) => {
  const v1 = parse(version1, null, true)
  const v2 = parse(version2, null, true)
  const comparison = v1.compare(v2)

  if (comparison === 0) {
    return null
  }

  const v1Higher = comparison > 0
  const highVersion = v1Higher ? v1 : v2
  const lowVersion = v1Higher ? v2 : v1
  const highHasPre = !!highVersion.prerelease.length
  const lowHasPre = !!lowVersion.prerelease.length

  if (lowHasPre && !highHasPre) {
    // Going from prerelease -> no prerelease requires some special casing

    // If the low version has only a major, then it will always be a major
    // Some examples:
    // 1.0.0-1 -> 1.0.0
    // 1.0.0-1 -> 1.1.1
    // 1.0.0-1 -> 2.0.0
    if (!lowVersion.patch && !lowVersion.minor) {
      return 'major'
    }

    // If the main part has no difference
    if (lowVersion.compareMain(highVersion) === 0) {
      if (lowVersion.minor && !lowVersion.patch) {
        return 'minor'
      }
      return 'patch'
    }
  }

  // add the `pre` prefix if we are going to a prerelease version
  const prefix = highHasPre ? 'pre' : ''

  if (v1.major !== v2.major) {
    return prefix + 'major'
  }

  if (v1.minor !== v2.minor) {
    return prefix + 'minor'
  }

  if (v1.patch !== v2.patch) {
    return prefix + 'patch'
  }

  // high and low are prereleases
  return 'prerelease'
}

module.exports = diff


/***/ }),

/***/ 5082:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const eq = (a, b, loose) => compare(a, b, loose) === 0
module.exports = eq


/***/ }),

/***/ 6599:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gt = (a, b, loose) => compare(a, b, loose) > 0
module.exports = gt


/***/ }),

/***/ 1236:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 2338:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)

const inc = (version, release, options, identifier, identifierBase) => {
  if (typeof (options) === 'string') {
    identifierBase = identifier
    identifier = options
    options = undefined
  }

  try {
    return new SemVer(
      version instanceof SemVer ? version.version : version,
      options
    ).inc(release, identifier, identifierBase).version
  } catch (er) {
    return null
  }
}
module.exports = inc


/***/ }),

/***/ 3872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lt = (a, b, loose) => compare(a, b, loose) < 0
module.exports = lt


/***/ }),

/***/ 6717:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lte = (a, b, loose) => compare(a, b, loose) <= 0
module.exports = lte


/***/ }),

/***/ 8511:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const major = (a, loose) => new SemVer(a, loose).major
module.exports = major


/***/ }),

/***/ 2603:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const minor = (a, loose) => new SemVer(a, loose).minor
module.exports = minor


/***/ }),

/***/ 4974:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const neq = (a, b, loose) => compare(a, b, loose) !== 0
module.exports = neq


/***/ }),

/***/ 6353:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = (version, options, throwErrors = false) => {
  if (version instanceof SemVer) {
    return version
  }
  try {
    return new SemVer(version, options)
  } catch (er) {
    if (!throwErrors) {
      return null
    }
    throw er
  }
}

module.exports = parse


/***/ }),

/***/ 8756:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const patch = (a, loose) => new SemVer(a, loose).patch
module.exports = patch


/***/ }),

/***/ 5714:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const prerelease = (version, options) => {
  const parsed = parse(version, options)
  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
}
module.exports = prerelease


/***/ }),

/***/ 2173:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const rcompare = (a, b, loose) => compare(b, a, loose)
module.exports = rcompare


/***/ }),

/***/ 7192:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose))
module.exports = rsort


/***/ }),

/***/ 8011:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const satisfies = (version, range, options) => {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}
module.exports = satisfies


/***/ }),

/***/ 9872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose))
module.exports = sort


/***/ }),

/***/ 6114:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)

const truncate = (version, truncation, options) => {
  if (!constants.RELEASE_TYPES.includes(truncation)) {
    return null
  }

  const clonedVersion = cloneInputVersion(version, options)
  return clonedVersion && doTruncation(clonedVersion, truncation)
}

const cloneInputVersion = (version, options) => {
  const versionStringToParse = (
    version instanceof SemVer ? version.version : version
  )

  return parse(versionStringToParse, options)
}

const doTruncation = (version, truncation) => {
  if (isPrerelease(truncation)) {
    return version.version
  }

  version.prerelease = []

  switch (truncation) {
    case 'major':
      version.minor = 0
      version.patch = 0
      break
    case 'minor':
      version.patch = 0
      break
  }

  return version.format()
}

const isPrerelease = (type) => {
  return type.startsWith('pre')
}

module.exports = truncate


/***/ }),

/***/ 8780:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const valid = (version, options) => {
  const v = parse(version, options)
  return v ? v.version : null
}
module.exports = valid


/***/ }),

/***/ 2088:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// just pre-load all the stuff that index.js lazily exports
const internalRe = __nccwpck_require__(5471)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)
const identifiers = __nccwpck_require__(3348)
const parse = __nccwpck_require__(6353)
const valid = __nccwpck_require__(8780)
const clean = __nccwpck_require__(1799)
const inc = __nccwpck_require__(2338)
const diff = __nccwpck_require__(711)
const major = __nccwpck_require__(8511)
const minor = __nccwpck_require__(2603)
const patch = __nccwpck_require__(8756)
const prerelease = __nccwpck_require__(5714)
const compare = __nccwpck_require__(8469)
const rcompare = __nccwpck_require__(2173)
const compareLoose = __nccwpck_require__(6874)
const compareBuild = __nccwpck_require__(7648)
const sort = __nccwpck_require__(9872)
const rsort = __nccwpck_require__(7192)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gte = __nccwpck_require__(1236)
const lte = __nccwpck_require__(6717)
const cmp = __nccwpck_require__(8646)
const coerce = __nccwpck_require__(5385)
const truncate = __nccwpck_require__(6114)
const Comparator = __nccwpck_require__(9379)
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const toComparators = __nccwpck_require__(4750)
const maxSatisfying = __nccwpck_require__(3193)
const minSatisfying = __nccwpck_require__(8595)
const minVersion = __nccwpck_require__(1866)
const validRange = __nccwpck_require__(4737)
const outside = __nccwpck_require__(280)
const gtr = __nccwpck_require__(2276)
const ltr = __nccwpck_require__(5213)
const intersects = __nccwpck_require__(3465)
const simplifyRange = __nccwpck_require__(2028)
const subset = __nccwpck_require__(1489)
module.exports = {
  parse,
  valid,
  clean,
  inc,
  diff,
  major,
  minor,
  patch,
  prerelease,
  compare,
  rcompare,
  compareLoose,
  compareBuild,
  sort,
  rsort,
  gt,
  lt,
  eq,
  neq,
  gte,
  lte,
  cmp,
  coerce,
  truncate,
  Comparator,
  Range,
  satisfies,
  toComparators,
  maxSatisfying,
  minSatisfying,
  minVersion,
  validRange,
  outside,
  gtr,
  ltr,
  intersects,
  simplifyRange,
  subset,
  SemVer,
  re: internalRe.re,
  src: internalRe.src,
  tokens: internalRe.t,
  SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
  RELEASE_TYPES: constants.RELEASE_TYPES,
  compareIdentifiers: identifiers.compareIdentifiers,
  rcompareIdentifiers: identifiers.rcompareIdentifiers,
}


/***/ }),

/***/ 5101:
/***/ ((module) => {



// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
const SEMVER_SPEC_VERSION = '2.0.0'

const MAX_LENGTH = 256
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
/* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
const MAX_SAFE_COMPONENT_LENGTH = 16

// Max safe length for a build identifier. The max length minus 6 characters for
// the shortest version with a build 0.0.0+BUILD.
const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// ECMAScript whitespace and line terminators matched by \s.
const WHITESPACE_CHARACTERS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
]

const RELEASE_TYPES = [
  'major',
  'premajor',
  'minor',
  'preminor',
  'patch',
  'prepatch',
  'prerelease',
]

module.exports = {
  MAX_LENGTH,
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_SAFE_INTEGER,
  WHITESPACE_CHARACTERS,
  RELEASE_TYPES,
  SEMVER_SPEC_VERSION,
  FLAG_INCLUDE_PRERELEASE: 0b001,
  FLAG_LOOSE: 0b010,
}


/***/ }),

/***/ 1159:
/***/ ((module) => {



const debug = (
  typeof process === 'object' &&
  process.env &&
  process.env.NODE_DEBUG &&
  /\bsemver\b/i.test(process.env.NODE_DEBUG)
) ? (...args) => console.error('SEMVER', ...args)
  : () => {}

module.exports = debug


/***/ }),

/***/ 3348:
/***/ ((module) => {



const numeric = /^[0-9]+$/
const compareIdentifiers = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b ? 0 : a < b ? -1 : 1
  }

  const anum = numeric.test(a)
  const bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)

module.exports = {
  compareIdentifiers,
  rcompareIdentifiers,
}


/***/ }),

/***/ 1383:
/***/ ((module) => {



class LRUCache {
  constructor () {
    this.max = 1000
    this.map = new Map()
  }

  get (key) {
    const value = this.map.get(key)
    if (value === undefined) {
      return undefined
    } else {
      // Remove the key from the map and add it to the end
      this.map.delete(key)
      this.map.set(key, value)
      return value
    }
  }

  delete (key) {
    return this.map.delete(key)
  }

  set (key, value) {
    const deleted = this.delete(key)

    if (!deleted && value !== undefined) {
      // If cache is full, delete the least recently used item
      if (this.map.size >= this.max) {
        const firstKey = this.map.keys().next().value
        this.delete(firstKey)
      }

      this.map.set(key, value)
    }

    return this
  }
}

module.exports = LRUCache


/***/ }),

/***/ 356:
/***/ ((module) => {



// parse out just the options we care about
const looseOption = Object.freeze({ loose: true })
const emptyOpts = Object.freeze({ })
const parseOptions = options => {
  if (!options) {
    return emptyOpts
  }

  if (typeof options !== 'object') {
    return looseOption
  }

  return options
}
module.exports = parseOptions


/***/ }),

/***/ 5471:
/***/ ((module, exports, __nccwpck_require__) => {



const {
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_LENGTH,
} = __nccwpck_require__(5101)
const debug = __nccwpck_require__(1159)
exports = module.exports = {}

// The actual regexps go on exports.re
const re = exports.re = []
const safeRe = exports.safeRe = []
const src = exports.src = []
const safeSrc = exports.safeSrc = []
const t = exports.t = {}
let R = 0

const LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
const safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

const makeSafeRegex = (value) => {
  for (const [token, max] of safeRegexReplacements) {
    value = value
      .split(`${token}*`).join(`${token}{0,${max}}`)
      .split(`${token}+`).join(`${token}{1,${max}}`)
  }
  return value
}

const createToken = (name, value, isGlobal) => {
  const safe = makeSafeRegex(value)
  const index = R++
  debug(name, index, value)
  t[name] = index
  src[index] = value
  safeSrc[index] = safe
  re[index] = new RegExp(value, isGlobal ? 'g' : undefined)
  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined)
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*')
createToken('NUMERICIDENTIFIERLOOSE', '\\d+')

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`)

// ## Main Version
// Three dot-separated numeric identifiers.

createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})`)

createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.
// Non-numeric identifiers include numeric identifiers but can be longer.
// Therefore non-numeric identifiers must go first.

createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIER]})`)

createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`)

createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`)

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`)

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
}(?:\\.${src[t.BUILDIDENTIFIER]})*))`)

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
}${src[t.PRERELEASE]}?${
  src[t.BUILD]}?`)

createToken('FULL', `^${src[t.FULLPLAIN]}$`)

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
}${src[t.PRERELEASELOOSE]}?${
  src[t.BUILD]}?`)

createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`)

createToken('GTLT', '((?:<|>)?=?)')

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifier, meaning "any version"
// Only the first item is strictly required.
createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`)
createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`)

createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:${src[t.PRERELEASE]})?${
                     src[t.BUILD]}?` +
                   `)?)?`)

createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:${src[t.PRERELEASELOOSE]})?${
                          src[t.BUILD]}?` +
                        `)?)?`)

createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`)
createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`)

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
createToken('COERCEPLAIN', `${'(^|[^\\d])' +
              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`)
createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`)
createToken('COERCEFULL', src[t.COERCEPLAIN] +
              `(?:${src[t.PRERELEASE]})?` +
              `(?:${src[t.BUILD]})?` +
              `(?:$|[^\\d])`)
createToken('COERCERTL', src[t.COERCE], true)
createToken('COERCERTLFULL', src[t.COERCEFULL], true)

// Tilde ranges.
// Meaning is "reasonably at or greater than"
createToken('LONETILDE', '(?:~>?)')

createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true)
exports.tildeTrimReplace = '$1~'

createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`)
createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`)

// Caret ranges.
// Meaning is "at least and backwards compatible with"
createToken('LONECARET', '(?:\\^)')

createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true)
exports.caretTrimReplace = '$1^'

createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)
createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`)

// A simple gt/lt/eq thing, or just "" to indicate "any version"
createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`)
createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`)

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true)
exports.comparatorTrimReplace = '$1$2$3'

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
                   `\\s+-\\s+` +
                   `(${src[t.XRANGEPLAIN]})` +
                   `\\s*$`)

createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s+-\\s+` +
                        `(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s*$`)

// Star ranges basically just allow anything at all.
createToken('STAR', '(<|>)?=?\\s*\\*')
// >=0.0.0 is like a star
createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$')
createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$')


/***/ }),

/***/ 9737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// @ts-check


// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
// validation. Each end-index finder returns an exclusive end, or its start
// on no match.
// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
// range.slice(start, end) gives the matched text, not a converted number.
const {
  MAX_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  WHITESPACE_CHARACTERS,
} = __nccwpck_require__(5101)

/**
 * Remembers the last two rows of digits so their characters need not be reread.
 * Positions start at -1 until a row has been found.
 *
 * @typedef {object} DigitRunCache
 * @property {number} start The first character of the most recently found row.
 * @property {number} end The position after that row's last character.
 * @property {number} previousStart The first character of the previous row.
 * @property {number} previousEnd The position after the previous row.
 */

// One entry per UTF-16 code unit keeps membership checks constant-time.
const whitespace = new Uint8Array(0x10000)
for (const char of WHITESPACE_CHARACTERS) {
  whitespace[char.charCodeAt(0)] = 1
}

/**
 * Checks whether a character is whitespace, like a space, tab, or newline.
 * Looking past the end of the string returns false.
 *
 * @param {string|undefined} char One character, or undefined past the string's end.
 * @returns {boolean} Whether the character is whitespace.
 * @example isWhitespace(' ') // true
 * @example isWhitespace('1') // false
 */
const isWhitespace = char =>
  char !== undefined && whitespace[char.charCodeAt(0)] === 1

/**
 * Checks for v, =, or whitespace before the version number.
 * These are historical version prefixes, not range operators:
 * < and > are handled separately, as are tilde and caret ranges.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can belong to a version prefix.
 * @example isVersionPrefix('=') // true
 * @example isVersionPrefix('>') // false
 */
const isVersionPrefix = char =>
  char === 'v' ||
  char === '=' ||
  isWhitespace(char)

/**
 * Checks whether a character is one of the digits 0 through 9.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII digit.
 * @example isDigit('7') // true
 * @example isDigit('.') // false
 */
const isDigit = char => char !== undefined && char >= '0' && char <= '9'

/**
 * Checks whether a character is an English letter, uppercase or lowercase.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII letter.
 * @example isLetter('b') // true
 * @example isLetter('7') // false
 */
const isLetter = char =>
  char !== undefined && (
    (char >= 'a' && char <= 'z') ||
    (char >= 'A' && char <= 'Z')
  )

/**
 * Checks for a letter, digit, or hyphen: the characters allowed inside
 * prerelease and build names such as beta-1.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can be part of an identifier.
 * @example isIdentifierCharacter('-') // true
 * @example isIdentifierCharacter('.') // false; dots separate identifiers
 */
const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-'

/**
 * Checks whether a version component can begin here: with a digit or
 * a wildcard such as x, X, or *.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether a number or wildcard can start with this character.
 * @example isVersionStart('x') // true
 * @example isVersionStart('v') // false; v belongs to the prefix
 */
const isVersionStart = char =>
  isDigit(char) ||
  char === 'x' ||
  char === 'X' ||
  char === '*'

/**
 * Finds the end of a row of digits, but returns no more than limit digits.
 * Remembers the last two rows so looking at them again does not reread them.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first character to check.
 * @param {number} limit The most digit characters the returned match can include.
 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
 * @returns {number} The position after the matched digits, or start if none match.
 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
 */
const findDigitsEndIndex = (range, start, limit, digitRuns) => {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  let end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

/**
 * Reads a number using the old regex's length and leading-zero rules.
 * Strict mode reads just the first zero in 012; loose mode can read all three.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the number should begin.
 * @param {boolean} loose Whether to allow leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched digits, not their numeric value.
 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
 */
const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

/**
 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
 * Tries the letter-or-hyphen form first, then the number-only form.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
 */
const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns)
  // The legacy regex tries a nonnumeric identifier before a numeric one.
  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
    let end = digitsEnd + 1
    const limit = end + MAX_SAFE_BUILD_LENGTH
    while (end < limit && isIdentifierCharacter(range[end])) {
      end++
    }
    return end
  }
  return findVersionNumberEndIndex(range, start, loose, digitRuns)
}

/**
 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
 * Loose mode also allows the name without its opening hyphen.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the suffix should begin, including -.
 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched suffix, or start if absent.
 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
 */
const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
  const hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  const identifierStart = start + (hyphen ? 1 : 0)
  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    // In loose syntax, a lone hyphen can itself be the identifier.
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads one build-name piece, such as sha or 123 in +sha.123.
 * Stops at a disallowed character or the old regex's length limit.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
 */
const findBuildIdentifierEndIndex = (range, start) => {
  let end = start
  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

/**
 * Reads optional build metadata such as +sha.123.
 * Leaves the position unchanged if there is no plus sign followed by a name.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the opening + should be.
 * @returns {number} The position after the matched metadata, or start if absent.
 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
 */
const findBuildEndIndex = (range, start) => {
  if (range[start] !== '+') {
    return start
  }
  let end = findBuildIdentifierEndIndex(range, start + 1)
  if (end === start + 1) {
    return start
  }
  while (range[end] === '.') {
    const next = findBuildIdentifierEndIndex(range, end + 1)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads three numbers separated by dots, then any prerelease and build suffixes.
 * Uses loose rules, so forms such as 01.02.03beta can match here.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first number, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the version match, or start if none matches.
 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
 */
const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
  let end = start
  for (let component = 0; component < 3; component++) {
    const next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
 * Numbers use strict leading-zero rules; wildcards take up one character.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the component should begin.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the component, or start if none matches.
 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
 */
const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

/**
 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
 * After the third component, also reads any strict prerelease and build suffixes.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched version text.
 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
 */
const findPartialVersionEndIndex = (range, start, digitRuns) => {
  let end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (let component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Finds where a version match ends, without deciding whether the range is valid.
 * Tries a loose full version first, then a partial or wildcard version, just
 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position where scanning the next candidate can resume.
 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 */
const findVersionEndIndex = (range, start, digitRuns) => {
  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns)
  return fullVersionEnd !== start
    ? fullVersionEnd
    : findPartialVersionEndIndex(range, start, digitRuns)
}

/**
 * Finds the one whitespace character the old replacement would remove.
 * Keeps leading whitespace, skips an optional operator, and checks immediately
 * after it. Returns -1 if there is nothing to remove.
 *
 * @param {string} range The text containing a candidate already found by the caller.
 * @param {number} matchStart The candidate's position, including leading whitespace.
 * @returns {number} The position of the removable whitespace, or -1 if absent.
 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
 * @example findRemovableWhitespaceIndex('>1', 0) // -1
 */
const findRemovableWhitespaceIndex = (range, matchStart) => {
  let position = matchStart
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

/**
 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
 * Copies everything else according to the old regex's matching rules.
 * Moves forward through prefixes and whole versions to avoid repeatedly
 * searching the same characters on long inputs.
 *
 * @param {string} range The range text to process; the original string is unchanged.
 * @returns {string} The range with matched operator whitespace removed.
 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
 * @example trimComparatorWhitespace('> invalid') // '> invalid'
 */
const trimComparatorWhitespace = range => {
  let result = ''
  let copyFrom = 0
  let cursor = 0
  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }

  while (cursor < range.length) {
    const matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }

    // Consume a v/=/whitespace run once, even when no version follows it.
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }

    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }

    // Skip the entire match, so a prerelease's trailing v cannot be
    // reconsidered as the prefix of another version.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }

  return result + range.slice(copyFrom)
}

module.exports = trimComparatorWhitespace


/***/ }),

/***/ 2276:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// Determine if version is greater than all the versions possible in the range.
const outside = __nccwpck_require__(280)
const gtr = (version, range, options) => outside(version, range, '>', options)
module.exports = gtr


/***/ }),

/***/ 3465:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const intersects = (r1, r2, options) => {
  r1 = new Range(r1, options)
  r2 = new Range(r2, options)
  return r1.intersects(r2, options)
}
module.exports = intersects


/***/ }),

/***/ 5213:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const outside = __nccwpck_require__(280)
// Determine if version is less than all the versions possible in the range
const ltr = (version, range, options) => outside(version, range, '<', options)
module.exports = ltr


/***/ }),

/***/ 3193:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)

const maxSatisfying = (versions, range, options) => {
  let max = null
  let maxSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!max || maxSV.compare(v) === -1) {
        // compare(max, v, true)
        max = v
        maxSV = new SemVer(max, options)
      }
    }
  })
  return max
}
module.exports = maxSatisfying


/***/ }),

/***/ 8595:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const minSatisfying = (versions, range, options) => {
  let min = null
  let minSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!min || minSV.compare(v) === 1) {
        // compare(min, v, true)
        min = v
        minSV = new SemVer(min, options)
      }
    }
  })
  return min
}
module.exports = minSatisfying


/***/ }),

/***/ 1866:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const gt = __nccwpck_require__(6599)

const minVersion = (range, loose) => {
  range = new Range(range, loose)

  let minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let setMin = null
    comparators.forEach((comparator) => {
      // Clone to avoid manipulating the comparator's semver object.
      const compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!setMin || gt(compver, setMin)) {
            setMin = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error(`Unexpected operation: ${comparator.operator}`)
      }
    })
    if (setMin && (!minver || gt(minver, setMin))) {
      minver = setMin
    }
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}
module.exports = minVersion


/***/ }),

/***/ 280:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)
const gte = __nccwpck_require__(1236)

const outside = (version, range, hilo, options) => {
  version = new SemVer(version, options)
  range = new Range(range, options)

  let gtfn, ltefn, ltfn, comp, ecomp
  switch (hilo) {
    case '>':
      gtfn = gt
      ltefn = lte
      ltfn = lt
      comp = '>'
      ecomp = '>='
      break
    case '<':
      gtfn = lt
      ltefn = gte
      ltfn = gt
      comp = '<'
      ecomp = '<='
      break
    default:
      throw new TypeError('Must provide a hilo val of "<" or ">"')
  }

  // If it satisfies the range it is not outside
  if (satisfies(version, range, options)) {
    return false
  }

  // From now on, variable terms are as if we're in "gtr" mode.
  // but note that everything is flipped for the "ltr" function.

  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let high = null
    let low = null

    comparators.forEach((comparator) => {
      if (comparator.semver === ANY) {
        comparator = new Comparator('>=0.0.0')
      }
      high = high || comparator
      low = low || comparator
      if (gtfn(comparator.semver, high.semver, options)) {
        high = comparator
      } else if (ltfn(comparator.semver, low.semver, options)) {
        low = comparator
      }
    })

    // If the edge version comparator has a operator then our version
    // isn't outside it
    if (high.operator === comp || high.operator === ecomp) {
      return false
    }

    // If the lowest version comparator has an operator and our version
    // is less than it then it isn't higher than the range
    if ((!low.operator || low.operator === comp) &&
        ltefn(version, low.semver)) {
      return false
    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
      return false
    }
  }
  return true
}

module.exports = outside


/***/ }),

/***/ 2028:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// given a set of versions and a range, create a "simplified" range
// that includes the same versions that the original range does
// If the original range is shorter than the simplified one, return that.
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)
module.exports = (versions, range, options) => {
  const set = []
  let first = null
  let prev = null
  const v = versions.sort((a, b) => compare(a, b, options))
  for (const version of v) {
    const included = satisfies(version, range, options)
    if (included) {
      prev = version
      if (!first) {
        first = version
      }
    } else {
      if (prev) {
        set.push([first, prev])
      }
      prev = null
      first = null
    }
  }
  if (first) {
    set.push([first, null])
  }

  const ranges = []
  for (const [min, max] of set) {
    if (min === max) {
      ranges.push(min)
    } else if (!max && min === v[0]) {
      ranges.push('*')
    } else if (!max) {
      ranges.push(`>=${min}`)
    } else if (min === v[0]) {
      ranges.push(`<=${max}`)
    } else {
      ranges.push(`${min} - ${max}`)
    }
  }
  const simplified = ranges.join(' || ')
  const original = typeof range.raw === 'string' ? range.raw : String(range)
  return simplified.length < original.length ? simplified : range
}


/***/ }),

/***/ 1489:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)

// Complex range `r1 || r2 || ...` is a subset of `R1 || R2 || ...` iff:
// - Every simple range `r1, r2, ...` is a null set, OR
// - Every simple range `r1, r2, ...` which is not a null set is a subset of
//   some `R1, R2, ...`
//
// Simple range `c1 c2 ...` is a subset of simple range `C1 C2 ...` iff:
// - If c is only the ANY comparator
//   - If C is only the ANY comparator, return true
//   - Else if in prerelease mode, return false
//   - else replace c with `[>=0.0.0]`
// - If C is only the ANY comparator
//   - if in prerelease mode, return true
//   - else replace C with `[>=0.0.0]`
// - Let EQ be the set of = comparators in c
// - If EQ is more than one, return true (null set)
// - Let GT be the highest > or >= comparator in c
// - Let LT be the lowest < or <= comparator in c
// - If GT and LT, and GT.semver > LT.semver, return true (null set)
// - If any C is a = range, and GT or LT are set, return false
// - If EQ
//   - If GT, and EQ does not satisfy GT, return true (null set)
//   - If LT, and EQ does not satisfy LT, return true (null set)
//   - If EQ satisfies every C, return true
//   - Else return false
// - If GT
//   - If GT.semver is lower than any > or >= comp in C, return false
//   - If GT is >=, and GT.semver does not satisfy every C, return false
//   - If GT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the GT.semver tuple, return false
// - If LT
//   - If LT.semver is greater than any < or <= comp in C, return false
//   - If LT is <=, and LT.semver does not satisfy every C, return false
//   - If LT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the LT.semver tuple, return false
// - Else return true

const subset = (sub, dom, options = {}) => {
  if (sub === dom) {
    return true
  }

  sub = new Range(sub, options)
  dom = new Range(dom, options)
  let sawNonNull = false

  OUTER: for (const simpleSub of sub.set) {
    for (const simpleDom of dom.set) {
      const isSub = simpleSubset(simpleSub, simpleDom, options)
      sawNonNull = sawNonNull || isSub !== null
      if (isSub) {
        continue OUTER
      }
    }
    // the null set is a subset of everything, but null simple ranges in
    // a complex range should be ignored.  so if we saw a non-null range,
    // then we know this isn't a subset, but if EVERY simple range was null,
    // then it is a subset.
    if (sawNonNull) {
      return false
    }
  }
  return true
}

const minimumVersionWithPreRelease = [new Comparator('>=0.0.0-0')]
const minimumVersion = [new Comparator('>=0.0.0')]

const simpleSubset = (sub, dom, options) => {
  if (sub === dom) {
    return true
  }

  if (sub.length === 1 && sub[0].semver === ANY) {
    if (dom.length === 1 && dom[0].semver === ANY) {
      return true
    } else if (options.includePrerelease) {
      sub = minimumVersionWithPreRelease
    } else {
      sub = minimumVersion
    }
  }

  if (dom.length === 1 && dom[0].semver === ANY) {
    if (options.includePrerelease) {
      return true
    } else {
      dom = minimumVersion
    }
  }

  const eqSet = new Set()
  let gt, lt
  for (const c of sub) {
    if (c.operator === '>' || c.operator === '>=') {
      gt = higherGT(gt, c, options)
    } else if (c.operator === '<' || c.operator === '<=') {
      lt = lowerLT(lt, c, options)
    } else {
      eqSet.add(c.semver)
    }
  }

  if (eqSet.size > 1) {
    return null
  }

  let gtltComp
  if (gt && lt) {
    gtltComp = compare(gt.semver, lt.semver, options)
    if (gtltComp > 0) {
      return null
    } else if (gtltComp === 0 && (gt.operator !== '>=' || lt.operator !== '<=')) {
      return null
    }
  }

  // will iterate one or zero times
  for (const eq of eqSet) {
    if (gt && !satisfies(eq, String(gt), options)) {
      return null
    }

    if (lt && !satisfies(eq, String(lt), options)) {
      return null
    }

    for (const c of dom) {
      if (!satisfies(eq, String(c), options)) {
        return false
      }
    }

    return true
  }

  let higher, lower
  let hasDomLT, hasDomGT
  // if the subset has a prerelease, we need a comparator in the superset
  // with the same tuple and a prerelease, or it's not a subset
  let needDomLTPre = lt &&
    !options.includePrerelease &&
    lt.semver.prerelease.length ? lt.semver : false
  let needDomGTPre = gt &&
    !options.includePrerelease &&
    gt.semver.prerelease.length ? gt.semver : false
  // exception: <1.2.3-0 is the same as <1.2.3
  if (needDomLTPre && needDomLTPre.prerelease.length === 1 &&
      lt.operator === '<' && needDomLTPre.prerelease[0] === 0) {
    needDomLTPre = false
  }

  for (const c of dom) {
    hasDomGT = hasDomGT || c.operator === '>' || c.operator === '>='
    hasDomLT = hasDomLT || c.operator === '<' || c.operator === '<='
    if (gt) {
      if (needDomGTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomGTPre.major &&
            c.semver.minor === needDomGTPre.minor &&
            c.semver.patch === needDomGTPre.patch) {
          needDomGTPre = false
        }
      }
      if (c.operator === '>' || c.operator === '>=') {
        higher = higherGT(gt, c, options)
        if (higher === c && higher !== gt) {
          return false
        }
      } else if (gt.operator === '>=' && !c.test(gt.semver)) {
        return false
      }
    }
    if (lt) {
      if (needDomLTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomLTPre.major &&
            c.semver.minor === needDomLTPre.minor &&
            c.semver.patch === needDomLTPre.patch) {
          needDomLTPre = false
        }
      }
      if (c.operator === '<' || c.operator === '<=') {
        lower = lowerLT(lt, c, options)
        if (lower === c && lower !== lt) {
          return false
        }
      } else if (lt.operator === '<=' && !c.test(lt.semver)) {
        return false
      }
    }
    if (!c.operator && (lt || gt) && gtltComp !== 0) {
      return false
    }
  }

  // if there was a < or >, and nothing in the dom, then must be false
  // UNLESS it was limited by another range in the other direction.
  // Eg, >1.0.0 <1.0.1 is still a subset of <2.0.0
  if (gt && hasDomLT && !lt && gtltComp !== 0) {
    return false
  }

  if (lt && hasDomGT && !gt && gtltComp !== 0) {
    return false
  }

  // we needed a prerelease range in a specific tuple, but didn't get one
  // then this isn't a subset.  eg >=1.2.3-pre is not a subset of >=1.0.0,
  // because it includes prereleases in the 1.2.3 tuple
  if (needDomGTPre || needDomLTPre) {
    return false
  }

  return true
}

// >=1.2.3 is lower than >1.2.3
const higherGT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp > 0 ? a
    : comp < 0 ? b
    : b.operator === '>' && a.operator === '>=' ? b
    : a
}

// <=1.2.3 is higher than <1.2.3
const lowerLT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp < 0 ? a
    : comp > 0 ? b
    : b.operator === '<' && a.operator === '<=' ? b
    : a
}

module.exports = subset


/***/ }),

/***/ 4750:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)

// Mostly just for testing and legacy API reasons
const toComparators = (range, options) =>
  new Range(range, options).set
    .map(comp => comp.map(c => c.value).join(' ').trim().split(' '))

module.exports = toComparators


/***/ }),

/***/ 4737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const validRange = (range, options) => {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}
module.exports = validRange


/***/ }),

/***/ 6204:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { EventEmitter } = __nccwpck_require__(9580)
const FIFO = __nccwpck_require__(3867)
const TextDecoder = __nccwpck_require__(7934)

const StreamError = __nccwpck_require__(5657)

// if we do a future major, expect queue microtask to be there always, for now a bit defensive
const qmt =
  typeof queueMicrotask === 'undefined' ? (fn) => global.process.nextTick(fn) : queueMicrotask

// 29 bits used total (4 from shared, 14 from read, and 11 from write)
const MAX = (1 << 29) - 1

// Shared state
const OPENING = 0b0001
const PREDESTROYING = 0b0010
const DESTROYING = 0b0100
const DESTROYED = 0b1000

const NOT_OPENING = MAX ^ OPENING
const NOT_PREDESTROYING = MAX ^ PREDESTROYING

// Read state (4 bit offset from shared state)
const READ_ACTIVE = 0b00000000000001 << 4
const READ_UPDATING = 0b00000000000010 << 4
const READ_PRIMARY = 0b00000000000100 << 4
const READ_QUEUED = 0b00000000001000 << 4
const READ_RESUMED = 0b00000000010000 << 4
const READ_PIPE_DRAINED = 0b00000000100000 << 4
const READ_ENDING = 0b00000001000000 << 4
const READ_EMIT_DATA = 0b00000010000000 << 4
const READ_EMIT_READABLE = 0b00000100000000 << 4
const READ_EMITTED_READABLE = 0b00001000000000 << 4
const READ_DONE = 0b00010000000000 << 4
const READ_NEXT_TICK = 0b00100000000000 << 4
const READ_NEEDS_PUSH = 0b01000000000000 << 4
const READ_READ_AHEAD = 0b10000000000000 << 4

// Combined read state
const READ_FLOWING = READ_RESUMED | READ_PIPE_DRAINED
const READ_ACTIVE_AND_NEEDS_PUSH = READ_ACTIVE | READ_NEEDS_PUSH
const READ_PRIMARY_AND_ACTIVE = READ_PRIMARY | READ_ACTIVE
const READ_EMIT_READABLE_AND_QUEUED = READ_EMIT_READABLE | READ_QUEUED
const READ_RESUMED_READ_AHEAD = READ_RESUMED | READ_READ_AHEAD

const READ_NOT_ACTIVE = MAX ^ READ_ACTIVE
const READ_NON_PRIMARY = MAX ^ READ_PRIMARY
const READ_NON_PRIMARY_AND_PUSHED = MAX ^ (READ_PRIMARY | READ_NEEDS_PUSH)
const READ_PUSHED = MAX ^ READ_NEEDS_PUSH
const READ_PAUSED = MAX ^ READ_RESUMED
const READ_NOT_QUEUED = MAX ^ (READ_QUEUED | READ_EMITTED_READABLE)
const READ_NOT_ENDING = MAX ^ READ_ENDING
const READ_PIPE_NOT_DRAINED = MAX ^ READ_FLOWING
const READ_NOT_NEXT_TICK = MAX ^ READ_NEXT_TICK
const READ_NOT_UPDATING = MAX ^ READ_UPDATING
const READ_NO_READ_AHEAD = MAX ^ READ_READ_AHEAD
const READ_PAUSED_NO_READ_AHEAD = MAX ^ READ_RESUMED_READ_AHEAD

// Write state (18 bit offset, 4 bit offset from shared state and 14 from read state)
const WRITE_ACTIVE = 0b00000000001 << 18
const WRITE_UPDATING = 0b00000000010 << 18
const WRITE_PRIMARY = 0b00000000100 << 18
const WRITE_QUEUED = 0b00000001000 << 18
const WRITE_UNDRAINED = 0b00000010000 << 18
const WRITE_DONE = 0b00000100000 << 18
const WRITE_EMIT_DRAIN = 0b00001000000 << 18
const WRITE_NEXT_TICK = 0b00010000000 << 18
const WRITE_WRITING = 0b00100000000 << 18
const WRITE_FINISHING = 0b01000000000 << 18
const WRITE_CORKED = 0b10000000000 << 18

const WRITE_NOT_ACTIVE = MAX ^ (WRITE_ACTIVE | WRITE_WRITING)
const WRITE_NON_PRIMARY = MAX ^ WRITE_PRIMARY
const WRITE_NOT_FINISHING = MAX ^ (WRITE_ACTIVE | WRITE_FINISHING)
const WRITE_DRAINED = MAX ^ WRITE_UNDRAINED
const WRITE_NOT_QUEUED = MAX ^ WRITE_QUEUED
const WRITE_NOT_NEXT_TICK = MAX ^ WRITE_NEXT_TICK
const WRITE_NOT_UPDATING = MAX ^ WRITE_UPDATING
const WRITE_NOT_CORKED = MAX ^ WRITE_CORKED

// Combined shared state
const ACTIVE = READ_ACTIVE | WRITE_ACTIVE
const NOT_ACTIVE = MAX ^ ACTIVE
const DONE = READ_DONE | WRITE_DONE
const DESTROY_STATUS = DESTROYING | DESTROYED | PREDESTROYING
const OPEN_STATUS = DESTROY_STATUS | OPENING
const AUTO_DESTROY = DESTROY_STATUS | DONE
const NON_PRIMARY = WRITE_NON_PRIMARY & READ_NON_PRIMARY
const ACTIVE_OR_TICKING = WRITE_NEXT_TICK | READ_NEXT_TICK
const TICKING = ACTIVE_OR_TICKING & NOT_ACTIVE
const IS_OPENING = OPEN_STATUS | TICKING

// Combined shared state and read state
const READ_PRIMARY_STATUS = OPEN_STATUS | READ_ENDING | READ_DONE
const READ_STATUS = OPEN_STATUS | READ_DONE | READ_QUEUED
const READ_ENDING_STATUS = OPEN_STATUS | READ_ENDING | READ_QUEUED
const READ_READABLE_STATUS = OPEN_STATUS | READ_EMIT_READABLE | READ_QUEUED | READ_EMITTED_READABLE
const SHOULD_NOT_READ =
  OPEN_STATUS | READ_ACTIVE | READ_ENDING | READ_DONE | READ_NEEDS_PUSH | READ_READ_AHEAD
const READ_BACKPRESSURE_STATUS = DESTROY_STATUS | READ_ENDING | READ_DONE
const READ_UPDATE_SYNC_STATUS = READ_UPDATING | OPEN_STATUS | READ_NEXT_TICK | READ_PRIMARY
const READ_NEXT_TICK_OR_OPENING = READ_NEXT_TICK | OPENING

// Combined write state
const WRITE_PRIMARY_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_QUEUED_AND_UNDRAINED = WRITE_QUEUED | WRITE_UNDRAINED
const WRITE_QUEUED_AND_ACTIVE = WRITE_QUEUED | WRITE_ACTIVE
const WRITE_DRAIN_STATUS = WRITE_QUEUED | WRITE_UNDRAINED | OPEN_STATUS | WRITE_ACTIVE
const WRITE_STATUS = OPEN_STATUS | WRITE_ACTIVE | WRITE_QUEUED | WRITE_CORKED
const WRITE_PRIMARY_AND_ACTIVE = WRITE_PRIMARY | WRITE_ACTIVE
const WRITE_ACTIVE_AND_WRITING = WRITE_ACTIVE | WRITE_WRITING
const WRITE_FINISHING_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_QUEUED_AND_ACTIVE | WRITE_DONE
const WRITE_BACKPRESSURE_STATUS = WRITE_UNDRAINED | DESTROY_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_UPDATE_SYNC_STATUS = WRITE_UPDATING | OPEN_STATUS | WRITE_NEXT_TICK | WRITE_PRIMARY
const WRITE_DROP_DATA = WRITE_FINISHING | WRITE_DONE | DESTROY_STATUS

const asyncIterator = Symbol.asyncIterator || Symbol('asyncIterator')

class WritableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapWritable, byteLength, byteLengthWritable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark
    this.buffered = 0
    this.error = null
    this.pipeline = null
    this.drains = null // if we add more seldomly used helpers we might them into a subobject so its a single ptr
    this.byteLength = byteLengthWritable || byteLength || defaultByteLength
    this.map = mapWritable || map
    this.afterWrite = afterWrite.bind(this)
    this.afterUpdateNextTick = updateWriteNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & WRITE_FINISHING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & WRITE_DONE) !== 0
  }

  push(data) {
    if ((this.stream._duplexState & WRITE_DROP_DATA) !== 0) return false
    if (this.map !== null) data = this.map(data)

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    if (this.buffered < this.highWaterMark) {
      this.stream._duplexState |= WRITE_QUEUED
      return true
    }

    this.stream._duplexState |= WRITE_QUEUED_AND_UNDRAINED
    return false
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) this.stream._duplexState &= WRITE_NOT_QUEUED

    return data
  }

  end(data) {
    if (typeof data === 'function') {
      this.stream.once('finish', data)
    } else if (data !== undefined && data !== null) {
      this.push(data)
    }

    this.stream._duplexState = (this.stream._duplexState | WRITE_FINISHING) & WRITE_NON_PRIMARY
  }

  autoBatch(data, cb) {
    const buffer = []
    const stream = this.stream

    buffer.push(data)
    while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED_AND_ACTIVE) {
      buffer.push(stream._writableState.shift())
    }

    if ((stream._duplexState & OPEN_STATUS) !== 0) return cb(null)
    stream._writev(buffer, cb)
  }

  update() {
    const stream = this.stream

    stream._duplexState |= WRITE_UPDATING

    do {
      while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED) {
        const data = this.shift()
        stream._duplexState |= WRITE_ACTIVE_AND_WRITING
        stream._write(data, this.afterWrite)
      }

      if ((stream._duplexState & WRITE_PRIMARY_AND_ACTIVE) === 0) this.updateNonPrimary()
    } while (this.continueUpdate() === true)

    stream._duplexState &= WRITE_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & WRITE_FINISHING_STATUS) === WRITE_FINISHING) {
      stream._duplexState = stream._duplexState | WRITE_ACTIVE
      stream._final(afterFinal.bind(this))
      return
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) === 0) return false
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & WRITE_UPDATE_SYNC_STATUS) === WRITE_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTick() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) !== 0) return
    this.stream._duplexState |= WRITE_NEXT_TICK
    if ((this.stream._duplexState & WRITE_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class ReadableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapReadable, byteLength, byteLengthReadable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark === 0 ? 1 : highWaterMark
    this.buffered = 0
    this.readAhead = highWaterMark > 0
    this.error = null
    this.pipeline = null
    this.byteLength = byteLengthReadable || byteLength || defaultByteLength
    this.map = mapReadable || map
    this.pipeTo = null
    this.afterRead = afterRead.bind(this)
    this.afterUpdateNextTick = updateReadNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & READ_ENDING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & READ_DONE) !== 0
  }

  pipe(pipeTo, cb) {
    if (this.pipeTo !== null) throw StreamError.BAD_ARGUMENT('Can only pipe to one destination')
    if (typeof cb !== 'function') cb = null

    this.stream._duplexState |= READ_PIPE_DRAINED
    this.pipeTo = pipeTo
    this.pipeline = new Pipeline(this.stream, pipeTo, cb)

    if (cb) this.stream.on('error', noop) // We already error handle this so supress crashes

    if (isStreamx(pipeTo)) {
      pipeTo._writableState.pipeline = this.pipeline
      if (cb) pipeTo.on('error', noop) // We already error handle this so supress crashes
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline)) // TODO: just call finished from pipeTo itself
    } else {
      const onerror = this.pipeline.done.bind(this.pipeline, pipeTo)
      const onclose = this.pipeline.done.bind(this.pipeline, pipeTo, null) // onclose has a weird bool arg
      pipeTo.on('error', onerror)
      pipeTo.on('close', onclose)
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline))
    }

    pipeTo.on('drain', afterDrain.bind(this))
    this.stream.emit('piping', pipeTo)
    pipeTo.emit('pipe', this.stream)
  }

  push(data) {
    const stream = this.stream

    if (data === null) {
      this.highWaterMark = 0
      stream._duplexState = (stream._duplexState | READ_ENDING) & READ_NON_PRIMARY_AND_PUSHED
      return false
    }

    if (this.map !== null) {
      data = this.map(data)
      if (data === null) {
        stream._duplexState &= READ_PUSHED
        return this.buffered < this.highWaterMark
      }
    }

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    stream._duplexState = (stream._duplexState | READ_QUEUED) & READ_PUSHED

    return this.buffered < this.highWaterMark
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) {
      this.stream._duplexState &= READ_NOT_QUEUED
    }

    return data
  }

  unshift(data) {
    const pending = [this.map !== null ? this.map(data) : data]
    while (this.buffered > 0) pending.push(this.shift())

    for (let i = 0; i < pending.length - 1; i++) {
      const data = pending[i]
      this.buffered += this.byteLength(data)
      this.queue.push(data)
    }

    this.push(pending[pending.length - 1])
  }

  read() {
    const stream = this.stream

    if ((stream._duplexState & READ_STATUS) === READ_QUEUED) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }

      return data
    }

    if (this.readAhead === false) {
      stream._duplexState |= READ_READ_AHEAD
      this.updateNextTick()
    }

    return null
  }

  drain() {
    const stream = this.stream

    while (
      (stream._duplexState & READ_STATUS) === READ_QUEUED &&
      (stream._duplexState & READ_FLOWING) !== 0
    ) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }
    }
  }

  update() {
    const stream = this.stream

    stream._duplexState |= READ_UPDATING

    do {
      this.drain()

      while (
        this.buffered < this.highWaterMark &&
        (stream._duplexState & SHOULD_NOT_READ) === READ_READ_AHEAD
      ) {
        stream._duplexState |= READ_ACTIVE_AND_NEEDS_PUSH
        stream._read(this.afterRead)
        this.drain()
      }

      if ((stream._duplexState & READ_READABLE_STATUS) === READ_EMIT_READABLE_AND_QUEUED) {
        stream._duplexState |= READ_EMITTED_READABLE
        stream.emit('readable')
      }

      if ((stream._duplexState & READ_PRIMARY_AND_ACTIVE) === 0) {
        this.updateNonPrimary()
      }
    } while (this.continueUpdate() === true)

    stream._duplexState &= READ_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & READ_ENDING_STATUS) === READ_ENDING) {
      stream._duplexState = (stream._duplexState | READ_DONE) & READ_NOT_ENDING
      stream.emit('end')

      if ((stream._duplexState & AUTO_DESTROY) === DONE) {
        stream._duplexState |= DESTROYING
      }

      if (this.pipeTo !== null) {
        this.pipeTo.end()
      }
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & READ_NEXT_TICK) === 0) return false
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & READ_UPDATE_SYNC_STATUS) === READ_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTickIfOpen() {
    if ((this.stream._duplexState & READ_NEXT_TICK_OR_OPENING) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }

  updateNextTick() {
    if ((this.stream._duplexState & READ_NEXT_TICK) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class TransformState {
  constructor(stream) {
    this.data = null
    this.afterTransform = afterTransform.bind(stream)
    this.afterFinal = null
  }
}

class Pipeline {
  constructor(src, dst, cb) {
    this.from = src
    this.to = dst
    this.afterPipe = cb
    this.error = null
    this.pipeToFinished = false
  }

  finished() {
    this.pipeToFinished = true
  }

  done(stream, err) {
    if (err) this.error = err

    if (stream === this.to) {
      this.to = null

      if (this.from !== null) {
        if ((this.from._duplexState & READ_DONE) === 0 || !this.pipeToFinished) {
          this.from.destroy(this.error || StreamError.PREMATURE_CLOSE('Writable stream closed'))
        }
        return
      }
    }

    if (stream === this.from) {
      this.from = null

      if (this.to !== null) {
        if ((stream._duplexState & READ_DONE) === 0) {
          this.to.destroy(this.error || StreamError.PREMATURE_CLOSE('Readable stream closed'))
        }
        return
      }
    }

    if (this.afterPipe !== null) this.afterPipe(this.error)
    this.to = this.from = this.afterPipe = null
  }
}

function afterDrain() {
  this.stream._duplexState |= READ_PIPE_DRAINED
  this.updateCallback()
}

function afterFinal(err) {
  const stream = this.stream
  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROY_STATUS) === 0) {
    stream._duplexState |= WRITE_DONE
    stream.emit('finish')
  }

  if ((stream._duplexState & AUTO_DESTROY) === DONE) {
    stream._duplexState |= DESTROYING
  }

  stream._duplexState &= WRITE_NOT_FINISHING

  // no need to wait the extra tick here, so we short circuit that
  if ((stream._duplexState & WRITE_UPDATING) === 0) {
    this.update()
  } else {
    this.updateNextTick()
  }
}

function afterDestroy(err) {
  const stream = this.stream

  if (!err && !StreamError.isStreamDestroyed(this.error)) err = this.error
  if (err) stream.emit('error', err)

  stream._duplexState |= DESTROYED
  stream.emit('close')

  const rs = stream._readableState
  const ws = stream._writableState

  if (rs !== null && rs.pipeline !== null) {
    rs.pipeline.done(stream, err)
  }

  if (ws !== null) {
    while (ws.drains !== null && ws.drains.length > 0) {
      ws.drains.shift().resolve(false)
    }

    if (ws.pipeline !== null) {
      ws.pipeline.done(stream, err)
    }
  }
}

function afterWrite(err) {
  const stream = this.stream

  if (err) stream.destroy(err)
  stream._duplexState &= WRITE_NOT_ACTIVE

  if (this.drains !== null) tickDrains(this.drains)

  if ((stream._duplexState & WRITE_DRAIN_STATUS) === WRITE_UNDRAINED) {
    stream._duplexState &= WRITE_DRAINED

    if ((stream._duplexState & WRITE_EMIT_DRAIN) === WRITE_EMIT_DRAIN) {
      stream.emit('drain')
    }
  }

  this.updateCallback()
}

function afterRead(err) {
  if (err) this.stream.destroy(err)
  this.stream._duplexState &= READ_NOT_ACTIVE

  if (this.readAhead === false && (this.stream._duplexState & READ_RESUMED) === 0) {
    this.stream._duplexState &= READ_NO_READ_AHEAD
  }

  this.updateCallback()
}

function updateReadNT() {
  if ((this.stream._duplexState & READ_UPDATING) === 0) {
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    this.update()
  }
}

function updateWriteNT() {
  if ((this.stream._duplexState & WRITE_UPDATING) === 0) {
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    this.update()
  }
}

function tickDrains(drains) {
  for (let i = 0; i < drains.length; i++) {
    // drains.writes are monotonic, so if one is 0 its always the first one
    if (--drains[i].writes === 0) {
      drains.shift().resolve(true)
      i--
    }
  }
}

function afterOpen(err) {
  const stream = this.stream

  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROYING) === 0) {
    if ((stream._duplexState & READ_PRIMARY_STATUS) === 0) {
      stream._duplexState |= READ_PRIMARY
    }

    if ((stream._duplexState & WRITE_PRIMARY_STATUS) === 0) {
      stream._duplexState |= WRITE_PRIMARY
    }

    stream.emit('open')
  }

  stream._duplexState &= NOT_ACTIVE

  if (stream._writableState !== null) {
    stream._writableState.updateCallback()
  }

  if (stream._readableState !== null) {
    stream._readableState.updateCallback()
  }
}

function afterTransform(err, data) {
  if (data !== undefined && data !== null) this.push(data)
  this._writableState.afterWrite(err)
}

function newListener(name) {
  if (this._readableState !== null) {
    if (name === 'data') {
      this._duplexState |= READ_EMIT_DATA | READ_RESUMED_READ_AHEAD
      this._readableState.updateNextTick()
    }
    if (name === 'readable') {
      this._duplexState |= READ_EMIT_READABLE
      this._readableState.updateNextTick()
    }
  }

  if (this._writableState !== null) {
    if (name === 'drain') {
      this._duplexState |= WRITE_EMIT_DRAIN
      this._writableState.updateNextTick()
    }
  }
}

class Stream extends EventEmitter {
  constructor(opts) {
    super()

    this._duplexState = 0
    this._readableState = null
    this._writableState = null

    if (opts) {
      if (opts.open) this._open = opts.open
      if (opts.destroy) this._destroy = opts.destroy
      if (opts.predestroy) this._predestroy = opts.predestroy
      if (opts.signal) opts.signal.addEventListener('abort', abort.bind(this))
    }

    this.on('newListener', newListener)
  }

  _open(cb) {
    cb(null)
  }

  _destroy(cb) {
    cb(null)
  }

  _predestroy() {
    // does nothing
  }

  get readable() {
    return this._readableState !== null ? true : undefined
  }

  get writable() {
    return this._writableState !== null ? true : undefined
  }

  get destroyed() {
    return (this._duplexState & DESTROYED) !== 0
  }

  get destroying() {
    return (this._duplexState & DESTROY_STATUS) !== 0
  }

  destroy(err) {
    if ((this._duplexState & DESTROY_STATUS) === 0) {
      if (!err) err = StreamError.STREAM_DESTROYED()
      this._duplexState = (this._duplexState | DESTROYING) & NON_PRIMARY

      if (this._readableState !== null) {
        this._readableState.highWaterMark = 0
        this._readableState.error = err
      }

      if (this._writableState !== null) {
        this._writableState.highWaterMark = 0
        this._writableState.error = err
      }

      this._duplexState |= PREDESTROYING
      this._predestroy()
      this._duplexState &= NOT_PREDESTROYING

      if (this._readableState !== null) {
        this._readableState.updateNextTick()
      }

      if (this._writableState !== null) {
        this._writableState.updateNextTick()
      }
    }
  }
}

class Readable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | WRITE_DONE | READ_READ_AHEAD
    this._readableState = new ReadableState(this, opts)

    if (opts) {
      if (this._readableState.readAhead === false) this._duplexState &= READ_NO_READ_AHEAD
      if (opts.read) this._read = opts.read
      if (opts.eagerOpen) this._readableState.updateNextTick()
      if (opts.encoding) this.setEncoding(opts.encoding)
    }
  }

  static deferred(fn, opts) {
    const out = new PassThrough(opts)

    fn()
      .then((src) => {
        if (src === null) return out.end()
        if (out.destroying) return
        pipeline(src, out, noop)
      })
      .catch((err) => out.destroy(err))

    return out
  }

  setEncoding(encoding) {
    const dec = new TextDecoder(encoding)
    const map = this._readableState.map || echo
    this._readableState.map = mapOrSkip
    return this

    function mapOrSkip(data) {
      const next = dec.push(data)
      return next === '' && (data.byteLength !== 0 || dec.remaining > 0) ? null : map(next)
    }
  }

  _read(cb) {
    cb(null)
  }

  pipe(dest, cb) {
    this._readableState.updateNextTick()
    this._readableState.pipe(dest, cb)
    return dest
  }

  read() {
    this._readableState.updateNextTick()
    return this._readableState.read()
  }

  push(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.push(data)
  }

  unshift(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.unshift(data)
  }

  resume() {
    this._duplexState |= READ_RESUMED_READ_AHEAD
    this._readableState.updateNextTick()
    return this
  }

  pause() {
    this._duplexState &=
      this._readableState.readAhead === false ? READ_PAUSED_NO_READ_AHEAD : READ_PAUSED
    return this
  }

  static _fromAsyncIterator(ite, opts) {
    let destroy

    const rs = new Readable({
      ...opts,
      read(cb) {
        ite.next().then(push).then(cb.bind(null, null)).catch(cb)
      },
      predestroy() {
        destroy = ite.return()
      },
      destroy(cb) {
        if (!destroy) return cb(null)
        destroy.then(cb.bind(null, null)).catch(cb)
      }
    })

    return rs

    function push(data) {
      if (data.done) rs.push(null)
      else rs.push(data.value)
    }
  }

  static from(data, opts) {
    if (isReadStreamx(data)) return data
    if (data[asyncIterator]) return this._fromAsyncIterator(data[asyncIterator](), opts)
    if (!Array.isArray(data)) data = data === undefined ? [] : [data]

    let i = 0
    return new Readable({
      ...opts,
      read(cb) {
        this.push(i === data.length ? null : data[i++])
        cb(null)
      }
    })
  }

  static isBackpressured(rs) {
    return (
      (rs._duplexState & READ_BACKPRESSURE_STATUS) !== 0 ||
      rs._readableState.buffered >= rs._readableState.highWaterMark
    )
  }

  static isPaused(rs) {
    return (rs._duplexState & READ_RESUMED) === 0
  }

  [asyncIterator]() {
    const stream = this

    let error = null
    let promiseResolve = null
    let promiseReject = null

    this.on('error', (err) => {
      error = err
    })
    this.on('readable', onreadable)
    this.on('close', onclose)

    return {
      [asyncIterator]() {
        return this
      },
      next() {
        return new Promise(function (resolve, reject) {
          promiseResolve = resolve
          promiseReject = reject
          const data = stream.read()
          if (data !== null) ondata(data)
          else if ((stream._duplexState & DESTROYED) !== 0) ondata(null)
        })
      },
      return() {
        return destroy(null)
      },
      throw(err) {
        return destroy(err)
      }
    }

    function onreadable() {
      if (promiseResolve !== null) ondata(stream.read())
    }

    function onclose() {
      if (promiseResolve !== null) ondata(null)
    }

    function ondata(data) {
      if (promiseReject === null) return
      if (error) {
        promiseReject(error)
      } else if (data === null && (stream._duplexState & READ_DONE) === 0) {
        promiseReject(StreamError.STREAM_DESTROYED())
      } else {
        promiseResolve({ value: data, done: data === null })
      }
      promiseReject = promiseResolve = null
    }

    function destroy(err) {
      stream.destroy(err)
      return new Promise((resolve, reject) => {
        if (stream._duplexState & DESTROYED) return resolve({ value: undefined, done: true })
        stream.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

class Writable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | READ_DONE
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
      if (opts.eagerOpen) this._writableState.updateNextTick()
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  static isBackpressured(ws) {
    return (ws._duplexState & WRITE_BACKPRESSURE_STATUS) !== 0
  }

  static drained(ws) {
    if (ws.destroyed) return Promise.resolve(false)

    const state = ws._writableState
    const pending = isWritev(ws) ? Math.min(1, state.queue.length) : state.queue.length
    const writes = pending + (ws._duplexState & WRITE_WRITING ? 1 : 0)
    if (writes === 0) return Promise.resolve(true)

    if (state.drains === null) state.drains = []
    return new Promise((resolve) => {
      state.drains.push({ writes, resolve })
    })
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Duplex extends Readable {
  // and Writable
  constructor(opts) {
    super(opts)

    this._duplexState = OPENING | (this._duplexState & READ_READ_AHEAD)
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Transform extends Duplex {
  constructor(opts) {
    super(opts)
    this._transformState = new TransformState(this)

    if (opts) {
      if (opts.transform) this._transform = opts.transform
      if (opts.flush) this._flush = opts.flush
    }
  }

  _write(data, cb) {
    if (this._readableState.buffered >= this._readableState.highWaterMark) {
      this._transformState.data = data
    } else {
      this._transform(data, this._transformState.afterTransform)
    }
  }

  _read(cb) {
    if (this._transformState.data !== null) {
      const data = this._transformState.data
      this._transformState.data = null
      cb(null)
      this._transform(data, this._transformState.afterTransform)
    } else {
      cb(null)
    }
  }

  destroy(err) {
    super.destroy(err)
    if (this._transformState.data !== null) {
      this._transformState.data = null
      this._transformState.afterTransform()
    }
  }

  _transform(data, cb) {
    cb(null, data)
  }

  _flush(cb) {
    cb(null)
  }

  _final(cb) {
    this._transformState.afterFinal = cb
    this._flush(transformAfterFlush.bind(this))
  }
}

class PassThrough extends Transform {}

function transformAfterFlush(err, data) {
  const cb = this._transformState.afterFinal
  if (err) return cb(err)

  if (data !== null && data !== undefined) this.push(data)
  this.push(null)
  cb(null)
}

function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    return pipeline(...streams, (err) => {
      if (err) return reject(err)
      resolve()
    })
  })
}

function pipeline(stream, ...streams) {
  const all = Array.isArray(stream) ? [...stream, ...streams] : [stream, ...streams]
  const done = all.length && typeof all[all.length - 1] === 'function' ? all.pop() : null

  if (all.length < 2) throw StreamError.BAD_ARGUMENT('Pipeline requires at least 2 streams')

  let src = all[0]
  let dest = null
  let error = null

  for (let i = 1; i < all.length; i++) {
    dest = all[i]

    if (isStreamx(src)) {
      src.pipe(dest, onerror)
    } else {
      errorHandle(src, true, i > 1, onerror)
      src.pipe(dest)
    }

    src = dest
  }

  if (done) {
    let fin = false

    const autoDestroy =
      isStreamx(dest) || !!(dest._writableState && dest._writableState.autoDestroy)

    dest.on('error', (err) => {
      if (error === null) error = err
    })

    dest.on('finish', () => {
      fin = true
      if (!autoDestroy) done(error)
    })

    if (autoDestroy) {
      dest.on('close', () => done(error || (fin ? null : StreamError.PREMATURE_CLOSE())))
    }
  }

  return dest

  function errorHandle(s, rd, wr, onerror) {
    s.on('error', onerror)
    s.on('close', onclose)

    function onclose() {
      if (rd && s._readableState && !s._readableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
      if (wr && s._writableState && !s._writableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
    }
  }

  function onerror(err) {
    if (!err || error) return
    error = err

    for (const s of all) {
      s.destroy(err)
    }
  }
}

function echo(s) {
  return s
}

function isStream(stream) {
  return !!stream._readableState || !!stream._writableState
}

function isStreamx(stream) {
  return typeof stream._duplexState === 'number' && isStream(stream)
}

function isEnding(stream) {
  return !!stream._readableState && stream._readableState.ending
}

function isEnded(stream) {
  return !!stream._readableState && stream._readableState.ended
}

function isFinishing(stream) {
  return !!stream._writableState && stream._writableState.ending
}

function isFinished(stream) {
  return !!stream._writableState && stream._writableState.ended
}

function getStreamError(stream, opts = {}) {
  const err =
    (stream._readableState && stream._readableState.error) ||
    (stream._writableState && stream._writableState.error)

  // avoid implicit errors by default
  return !opts.all && StreamError.isStreamDestroyed(err) ? null : err
}

function isReadStreamx(stream) {
  return isStreamx(stream) && stream.readable
}

function isDisturbed(stream) {
  return (
    (stream._duplexState & OPENING) !== OPENING ||
    (stream._duplexState & DESTROYING) === DESTROYING ||
    (stream._duplexState & ACTIVE_OR_TICKING) !== 0
  )
}

function isTypedArray(data) {
  return typeof data === 'object' && data !== null && typeof data.byteLength === 'number'
}

function defaultByteLength(data) {
  return isTypedArray(data) ? data.byteLength : 1024
}

function noop() {}

function abort() {
  this.destroy(StreamError.ABORTED())
}

function isWritev(s) {
  return s._writev !== Writable.prototype._writev && s._writev !== Duplex.prototype._writev
}

module.exports = {
  pipeline,
  pipelinePromise,
  isStream,
  isStreamx,
  isEnding,
  isEnded,
  isFinishing,
  isFinished,
  isDisturbed,
  getStreamError,
  Stream,
  Writable,
  Readable,
  Duplex,
  Transform,
  // Export PassThrough for compatibility with Node.js core's stream module
  PassThrough
}


/***/ }),

/***/ 5657:
/***/ ((module) => {

module.exports = class StreamError extends Error {
  constructor(msg, code, fn = StreamError) {
    super(msg)

    this.code = code

    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, fn)
    }
  }

  static isStreamDestroyed(err) {
    return err && err.code === 'STREAM_DESTROYED'
  }

  static isPrematureClose(err) {
    return err && err.code === 'PREMATURE_CLOSE'
  }

  static isAborted(err) {
    return err && err.code === 'ABORTED'
  }

  static isBadArgument(err) {
    return err && err.code === 'BAD_ARGUMENT'
  }

  get name() {
    return 'StreamError'
  }

  static STREAM_DESTROYED() {
    return new StreamError('Stream was destroyed', 'STREAM_DESTROYED', StreamError.STREAM_DESTROYED)
  }

  static PREMATURE_CLOSE(msg = 'Premature close') {
    return new StreamError(msg, 'PREMATURE_CLOSE', StreamError.PREMATURE_CLOSE)
  }

  static ABORTED() {
    return new StreamError('Stream aborted', 'ABORTED', StreamError.ABORTED)
  }

  static BAD_ARGUMENT(msg = 'Bad argument') {
    return new StreamError(msg, 'BAD_ARGUMENT', StreamError.BAD_ARGUMENT)
  }
}


/***/ }),

/***/ 775:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const constants = { // just for envs without fs
  S_IFMT: 61440,
  S_IFDIR: 16384,
  S_IFCHR: 8192,
  S_IFBLK: 24576,
  S_IFIFO: 4096,
  S_IFLNK: 40960
}

try {
  module.exports = (__nccwpck_require__(9896).constants) || constants
} catch {
  module.exports = constants
}


/***/ }),

/***/ 5763:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Writable, Readable, getStreamError } = __nccwpck_require__(6204)
const FIFO = __nccwpck_require__(3867)
const b4a = __nccwpck_require__(3057)
const headers = __nccwpck_require__(8428)

const EMPTY = b4a.alloc(0)
const MAX_HEADER_SIZE = 4 * 1024 * 1024 // arbitrary big number

class BufferList {
  constructor () {
    this.buffered = 0
    this.shifted = 0
    this.queue = new FIFO()

    this._offset = 0
  }

  push (buffer) {
    this.buffered += buffer.byteLength
    this.queue.push(buffer)
  }

  shiftFirst (size) {
    return this.buffered === 0 ? null : this._next(size)
  }

  shift (size) {
    if (size > this.buffered) return null
    if (size === 0) return EMPTY

    let chunk = this._next(size)

    if (size === chunk.byteLength) return chunk // likely case

    const chunks = [chunk]

    while ((size -= chunk.byteLength) > 0) {
      chunk = this._next(size)
      chunks.push(chunk)
    }

    return b4a.concat(chunks)
  }

  _next (size) {
    const buf = this.queue.peek()
    const rem = buf.byteLength - this._offset

    if (size >= rem) {
      const sub = this._offset ? buf.subarray(this._offset, buf.byteLength) : buf
      this.queue.shift()
      this._offset = 0
      this.buffered -= rem
      this.shifted += rem
      return sub
    }

    this.buffered -= size
    this.shifted += size

    return buf.subarray(this._offset, (this._offset += size))
  }
}

class Source extends Readable {
  constructor (self, header, offset) {
    super()

    this.header = header
    this.offset = offset

    this._parent = self
  }

  _read (cb) {
    if (this.header.size === 0) {
      this.push(null)
    }
    if (this._parent._stream === this) {
      this._parent._update()
    }
    cb(null)
  }

  _predestroy () {
    this._parent.destroy(getStreamError(this))
  }

  _detach () {
    if (this._parent._stream === this) {
      this._parent._stream = null
      this._parent._missing = overflow(this.header.size)
      this._parent._update()
    }
  }

  _destroy (cb) {
    this._detach()
    cb(null)
  }
}

class Extract extends Writable {
  constructor (opts) {
    super(opts)

    if (!opts) opts = {}

    this._buffer = new BufferList()
    this._offset = 0
    this._header = null
    this._stream = null
    this._missing = 0
    this._longHeader = false
    this._callback = noop
    this._locked = false
    this._finished = false
    this._pax = null
    this._paxGlobal = null
    this._gnuLongPath = null
    this._gnuLongLinkPath = null
    this._filenameEncoding = opts.filenameEncoding || 'utf-8'
    this._allowUnknownFormat = !!opts.allowUnknownFormat
    this._unlockBound = this._unlock.bind(this)
  }

  _unlock (err) {
    this._locked = false

    if (err) {
      this.destroy(err)
      this._continueWrite(err)
      return
    }

    this._update()
  }

  _consumeHeader () {
    if (this._locked) return false

    this._offset = this._buffer.shifted

    try {
      this._header = headers.decode(this._buffer.shift(512), this._filenameEncoding, this._allowUnknownFormat)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    if (!this._header) return true

    this._header.byteOffset = this._buffer.shifted

    switch (this._header.type) {
      case 'gnu-long-path':
      case 'gnu-long-link-path':
      case 'pax-global-header':
      case 'pax-header':
        this._longHeader = true
        this._missing = this._header.size
        if (this._missing > MAX_HEADER_SIZE) {
          this._continueWrite(new Error('Header exceeds max size'))
          return false
        }
        return true
    }

    this._locked = true
    this._applyLongHeaders()

    if (!(this._header.size >= 0)) {
      this._continueWrite(new Error('Invalid header'))
      return false
    }

    if (this._header.size === 0 || this._header.type === 'directory') {
      this.emit('entry', this._header, this._createStream(), this._unlockBound)
      return true
    }

    this._stream = this._createStream()
    this._missing = this._header.size

    this.emit('entry', this._header, this._stream, this._unlockBound)
    return true
  }

  _applyLongHeaders () {
    if (this._gnuLongPath) {
      this._header.name = this._gnuLongPath
      this._gnuLongPath = null
    }

    if (this._gnuLongLinkPath) {
      this._header.linkname = this._gnuLongLinkPath
      this._gnuLongLinkPath = null
    }

    if (this._pax) {
      if (this._pax.path) this._header.name = this._pax.path
      if (this._pax.linkpath) this._header.linkname = this._pax.linkpath
      if (this._pax.size) this._header.size = parseInt(this._pax.size, 10)
      this._header.pax = this._pax
      this._pax = null
    }
  }

  _decodeLongHeader (buf) {
    switch (this._header.type) {
      case 'gnu-long-path':
        this._gnuLongPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'gnu-long-link-path':
        this._gnuLongLinkPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'pax-global-header':
        this._paxGlobal = headers.decodePax(buf)
        break
      case 'pax-header':
        this._pax = this._paxGlobal === null
          ? headers.decodePax(buf)
          : Object.assign({}, this._paxGlobal, headers.decodePax(buf))
        break
    }
  }

  _consumeLongHeader () {
    this._longHeader = false
    this._missing = overflow(this._header.size)

    const buf = this._buffer.shift(this._header.size)

    try {
      this._decodeLongHeader(buf)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    return true
  }

  _consumeStream () {
    const buf = this._buffer.shiftFirst(this._missing)
    if (buf === null) return false

    this._missing -= buf.byteLength
    const drained = this._stream.push(buf)

    if (this._missing === 0) {
      this._stream.push(null)
      if (drained) this._stream._detach()
      return drained && this._locked === false
    }

    return drained
  }

  _createStream () {
    return new Source(this, this._header, this._offset)
  }

  _update () {
    while (this._buffer.buffered > 0 && !this.destroying) {
      if (this._missing > 0) {
        if (this._stream !== null) {
          if (this._consumeStream() === false) return
          continue
        }

        if (this._longHeader === true) {
          if (this._missing > this._buffer.buffered) break
          if (this._consumeLongHeader() === false) return false
          continue
        }

        const ignore = this._buffer.shiftFirst(this._missing)
        if (ignore !== null) this._missing -= ignore.byteLength
        continue
      }

      if (this._buffer.buffered < 512) break
      if (this._stream !== null || this._consumeHeader() === false) return
    }

    this._continueWrite(null)
  }

  _continueWrite (err) {
    const cb = this._callback
    this._callback = noop
    cb(err)
  }

  _write (data, cb) {
    this._callback = cb
    this._buffer.push(data)
    this._update()
  }

  _final (cb) {
    this._finished = this._missing === 0 && this._buffer.buffered === 0
    cb(this._finished ? null : new Error('Unexpected end of data'))
  }

  _predestroy () {
    this._continueWrite(null)
  }

  _destroy (cb) {
    if (this._stream) this._stream.destroy(getStreamError(this))
    cb(null)
  }

  [Symbol.asyncIterator] () {
    let error = null

    let promiseResolve = null
    let promiseReject = null

    let entryStream = null
    let entryCallback = null

    const extract = this

    this.on('entry', onentry)
    this.on('error', (err) => { error = err })
    this.on('close', onclose)

    return {
      [Symbol.asyncIterator] () {
        return this
      },
      next () {
        return new Promise(onnext)
      },
      return () {
        return destroy(null)
      },
      throw (err) {
        return destroy(err)
      }
    }

    function consumeCallback (err) {
      if (!entryCallback) return
      const cb = entryCallback
      entryCallback = null
      cb(err)
    }

    function onnext (resolve, reject) {
      if (error) {
        return reject(error)
      }

      if (entryStream) {
        resolve({ value: entryStream, done: false })
        entryStream = null
        return
      }

      promiseResolve = resolve
      promiseReject = reject

      consumeCallback(null)

      if (extract._finished && promiseResolve) {
        promiseResolve({ value: undefined, done: true })
        promiseResolve = promiseReject = null
      }
    }

    function onentry (header, stream, callback) {
      entryCallback = callback
      stream.on('error', noop) // no way around this due to tick sillyness

      if (promiseResolve) {
        promiseResolve({ value: stream, done: false })
        promiseResolve = promiseReject = null
      } else {
        entryStream = stream
      }
    }

    function onclose () {
      consumeCallback(error)
      if (!promiseResolve) return
      if (error) promiseReject(error)
      else promiseResolve({ value: undefined, done: true })
      promiseResolve = promiseReject = null
    }

    function destroy (err) {
      extract.destroy(err)
      consumeCallback(err)
      return new Promise((resolve, reject) => {
        if (extract.destroyed) return resolve({ value: undefined, done: true })
        extract.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

module.exports = function extract (opts) {
  return new Extract(opts)
}

function noop () {}

function overflow (size) {
  size &= 511
  return size && 512 - size
}


/***/ }),

/***/ 8428:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(3057)

const ZEROS = '0000000000000000000'
const SEVENS = '7777777777777777777'
const ZERO_OFFSET = '0'.charCodeAt(0)
const USTAR_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x00]) // ustar\x00
const USTAR_VER = b4a.from([ZERO_OFFSET, ZERO_OFFSET])
const GNU_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x20]) // ustar\x20
const GNU_VER = b4a.from([0x20, 0x00])
const MASK = 0o7777
const MAGIC_OFFSET = 257
const VERSION_OFFSET = 263

exports.decodeLongPath = function decodeLongPath (buf, encoding) {
  return decodeStr(buf, 0, buf.length, encoding)
}

exports.encodePax = function encodePax (opts) { // TODO: encode more stuff in pax
  let result = ''
  if (opts.name) result += addLength(' path=' + opts.name + '\n')
  if (opts.linkname) result += addLength(' linkpath=' + opts.linkname + '\n')
  const pax = opts.pax
  if (pax) {
    for (const key in pax) {
      result += addLength(' ' + key + '=' + pax[key] + '\n')
    }
  }
  return b4a.from(result)
}

exports.decodePax = function decodePax (buf) {
  const result = {}

  while (buf.length) {
    let i = 0
    while (i < buf.length && buf[i] !== 32) i++
    const len = parseInt(b4a.toString(buf.subarray(0, i)), 10)
    if (!len) return result

    const b = b4a.toString(buf.subarray(i + 1, len - 1))
    const keyIndex = b.indexOf('=')
    if (keyIndex === -1) return result
    result[b.slice(0, keyIndex)] = b.slice(keyIndex + 1)

    buf = buf.subarray(len)
  }

  return result
}

exports.encode = function encode (opts) {
  const buf = b4a.alloc(512)
  let name = opts.name
  let prefix = ''

  if (opts.typeflag === 5 && name[name.length - 1] !== '/') name += '/'
  if (b4a.byteLength(name) !== name.length) return null // utf-8

  while (b4a.byteLength(name) > 100) {
    const i = name.indexOf('/')
    if (i === -1) return null
    prefix += prefix ? '/' + name.slice(0, i) : name.slice(0, i)
    name = name.slice(i + 1)
  }

  if (b4a.byteLength(name) > 100 || b4a.byteLength(prefix) > 155) return null
  if (opts.linkname && b4a.byteLength(opts.linkname) > 100) return null

  b4a.write(buf, name)
  b4a.write(buf, encodeOct(opts.mode & MASK, 6), 100)
  b4a.write(buf, encodeOct(opts.uid, 6), 108)
  b4a.write(buf, encodeOct(opts.gid, 6), 116)
  encodeSize(opts.size, buf, 124)
  b4a.write(buf, encodeOct((opts.mtime.getTime() / 1000) | 0, 11), 136)

  buf[156] = ZERO_OFFSET + toTypeflag(opts.type)

  if (opts.linkname) b4a.write(buf, opts.linkname, 157)

  b4a.copy(USTAR_MAGIC, buf, MAGIC_OFFSET)
  b4a.copy(USTAR_VER, buf, VERSION_OFFSET)
  if (opts.uname) b4a.write(buf, opts.uname, 265)
  if (opts.gname) b4a.write(buf, opts.gname, 297)
  b4a.write(buf, encodeOct(opts.devmajor || 0, 6), 329)
  b4a.write(buf, encodeOct(opts.devminor || 0, 6), 337)

  if (prefix) b4a.write(buf, prefix, 345)

  b4a.write(buf, encodeOct(cksum(buf), 6), 148)

  return buf
}

exports.decode = function decode (buf, filenameEncoding, allowUnknownFormat) {
  let typeflag = buf[156] === 0 ? 0 : buf[156] - ZERO_OFFSET

  let name = decodeStr(buf, 0, 100, filenameEncoding)
  const mode = decodeOct(buf, 100, 8)
  const uid = decodeOct(buf, 108, 8)
  const gid = decodeOct(buf, 116, 8)
  const size = decodeOct(buf, 124, 12)
  const mtime = decodeOct(buf, 136, 12)
  const type = toType(typeflag)
  const linkname = buf[157] === 0 ? null : decodeStr(buf, 157, 100, filenameEncoding)
  const uname = decodeStr(buf, 265, 32)
  const gname = decodeStr(buf, 297, 32)
  const devmajor = decodeOct(buf, 329, 8)
  const devminor = decodeOct(buf, 337, 8)

  const c = cksum(buf)

  // checksum is still initial value if header was null.
  if (c === 8 * 32) return null

  // valid checksum
  if (c !== decodeOct(buf, 148, 8)) throw new Error('Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?')

  if (isUSTAR(buf)) {
    // ustar (posix) format.
    // prepend prefix, if present.
    if (buf[345]) name = decodeStr(buf, 345, 155, filenameEncoding) + '/' + name
  } else if (isGNU(buf)) {
    // 'gnu'/'oldgnu' format. Similar to ustar, but has support for incremental and
    // multi-volume tarballs.
  } else {
    if (!allowUnknownFormat) {
      throw new Error('Invalid tar header: unknown format.')
    }
  }

  // to support old tar versions that use trailing / to indicate dirs
  if (typeflag === 0 && name && name[name.length - 1] === '/') typeflag = 5

  return {
    name,
    mode,
    uid,
    gid,
    size,
    byteOffset: 0,
    mtime: new Date(1000 * mtime),
    type,
    linkname,
    uname,
    gname,
    devmajor,
    devminor,
    pax: null
  }
}

function isUSTAR (buf) {
  return b4a.equals(USTAR_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6))
}

function isGNU (buf) {
  return b4a.equals(GNU_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6)) &&
    b4a.equals(GNU_VER, buf.subarray(VERSION_OFFSET, VERSION_OFFSET + 2))
}

function clamp (index, len, defaultValue) {
  if (typeof index !== 'number') return defaultValue
  index = ~~index // Coerce to integer.
  if (index >= len) return len
  if (index >= 0) return index
  index += len
  if (index >= 0) return index
  return 0
}

function toType (flag) {
  switch (flag) {
    case 0:
      return 'file'
    case 1:
      return 'link'
    case 2:
      return 'symlink'
    case 3:
      return 'character-device'
    case 4:
      return 'block-device'
    case 5:
      return 'directory'
    case 6:
      return 'fifo'
    case 7:
      return 'contiguous-file'
    case 72:
      return 'pax-header'
    case 55:
      return 'pax-global-header'
    case 27:
      return 'gnu-long-link-path'
    case 28:
    case 30:
      return 'gnu-long-path'
  }

  return null
}

function toTypeflag (flag) {
  switch (flag) {
    case 'file':
      return 0
    case 'link':
      return 1
    case 'symlink':
      return 2
    case 'character-device':
      return 3
    case 'block-device':
      return 4
    case 'directory':
      return 5
    case 'fifo':
      return 6
    case 'contiguous-file':
      return 7
    case 'pax-header':
      return 72
  }

  return 0
}

function indexOf (block, num, offset, end) {
  for (; offset < end; offset++) {
    if (block[offset] === num) return offset
  }
  return end
}

function cksum (block) {
  let sum = 8 * 32
  for (let i = 0; i < 148; i++) sum += block[i]
  for (let j = 156; j < 512; j++) sum += block[j]
  return sum
}

function encodeOct (val, n) {
  val = val.toString(8)
  if (val.length > n) return SEVENS.slice(0, n) + ' '
  return ZEROS.slice(0, n - val.length) + val + ' '
}

function encodeSizeBin (num, buf, off) {
  buf[off] = 0x80
  for (let i = 11; i > 0; i--) {
    buf[off + i] = num & 0xff
    num = Math.floor(num / 0x100)
  }
}

function encodeSize (num, buf, off) {
  if (num.toString(8).length > 11) {
    encodeSizeBin(num, buf, off)
  } else {
    b4a.write(buf, encodeOct(num, 11), off)
  }
}

/* Copied from the node-tar repo and modified to meet
 * tar-stream coding standard.
 *
 * Source: https://github.com/npm/node-tar/blob/51b6627a1f357d2eb433e7378e5f05e83b7aa6cd/lib/header.js#L349
 */
function parse256 (buf) {
  // first byte MUST be either 80 or FF
  // 80 for positive, FF for 2's comp
  let positive
  if (buf[0] === 0x80) positive = true
  else if (buf[0] === 0xFF) positive = false
  else return null

  // build up a base-256 tuple from the least sig to the highest
  const tuple = []
  let i
  for (i = buf.length - 1; i > 0; i--) {
    const byte = buf[i]
    if (positive) tuple.push(byte)
    else tuple.push(0xFF - byte)
  }

  let sum = 0
  const l = tuple.length
  for (i = 0; i < l; i++) {
    sum += tuple[i] * Math.pow(256, i)
  }

  return positive ? sum : -1 * sum
}

function decodeOct (val, offset, length) {
  val = val.subarray(offset, offset + length)
  offset = 0

  // If prefixed with 0x80 then parse as a base-256 integer
  if (val[offset] & 0x80) {
    return parse256(val)
  } else {
    // Older versions of tar can prefix with spaces
    while (offset < val.length && val[offset] === 32) offset++
    const end = clamp(indexOf(val, 32, offset, val.length), val.length, val.length)
    while (offset < end && val[offset] === 0) offset++
    if (end === offset) return 0
    return parseInt(b4a.toString(val.subarray(offset, end)), 8)
  }
}

function decodeStr (val, offset, length, encoding) {
  return b4a.toString(val.subarray(offset, indexOf(val, 0, offset, offset + length)), encoding)
}

function addLength (str) {
  const len = b4a.byteLength(str)
  let digits = Math.floor(Math.log(len) / Math.log(10)) + 1
  if (len + digits >= Math.pow(10, digits)) digits++

  return (len + digits) + str
}


/***/ }),

/***/ 6118:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

exports.extract = __nccwpck_require__(5763)
/* unused reexport */ __nccwpck_require__(861)


/***/ }),

/***/ 861:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Readable, Writable, getStreamError } = __nccwpck_require__(6204)
const b4a = __nccwpck_require__(3057)

const constants = __nccwpck_require__(775)
const headers = __nccwpck_require__(8428)

const DMODE = 0o755
const FMODE = 0o644

const END_OF_TAR = b4a.alloc(1024)

class Sink extends Writable {
  constructor (pack, header, callback) {
    super({ mapWritable, eagerOpen: true })

    this.written = 0
    this.header = header

    this._callback = callback
    this._linkname = null
    this._isLinkname = header.type === 'symlink' && !header.linkname
    this._isVoid = header.type !== 'file' && header.type !== 'contiguous-file'
    this._finished = false
    this._pack = pack
    this._openCallback = null

    if (this._pack._stream === null) this._pack._stream = this
    else this._pack._pending.push(this)
  }

  _open (cb) {
    this._openCallback = cb
    if (this._pack._stream === this) this._continueOpen()
  }

  _continuePack (err) {
    if (this._callback === null) return

    const callback = this._callback
    this._callback = null

    callback(err)
  }

  _continueOpen () {
    if (this._pack._stream === null) this._pack._stream = this

    const cb = this._openCallback
    this._openCallback = null
    if (cb === null) return

    if (this._pack.destroying) return cb(new Error('pack stream destroyed'))
    if (this._pack._finalized) return cb(new Error('pack stream is already finalized'))

    this._pack._stream = this

    if (!this._isLinkname) {
      this._pack._encode(this.header)
    }

    if (this._isVoid) {
      this._finish()
      this._continuePack(null)
    }

    cb(null)
  }

  _write (data, cb) {
    if (this._isLinkname) {
      this._linkname = this._linkname ? b4a.concat([this._linkname, data]) : data
      return cb(null)
    }

    if (this._isVoid) {
      if (data.byteLength > 0) {
        return cb(new Error('No body allowed for this entry'))
      }
      return cb()
    }

    this.written += data.byteLength
    if (this._pack.push(data)) return cb()
    this._pack._drain = cb
  }

  _finish () {
    if (this._finished) return
    this._finished = true

    if (this._isLinkname) {
      this.header.linkname = this._linkname ? b4a.toString(this._linkname, 'utf-8') : ''
      this._pack._encode(this.header)
    }

    overflow(this._pack, this.header.size)

    this._pack._done(this)
  }

  _final (cb) {
    if (this.written !== this.header.size) { // corrupting tar
      return cb(new Error('Size mismatch'))
    }

    this._finish()
    cb(null)
  }

  _getError () {
    return getStreamError(this) || new Error('tar entry destroyed')
  }

  _predestroy () {
    this._pack.destroy(this._getError())
  }

  _destroy (cb) {
    this._pack._done(this)

    this._continuePack(this._finished ? null : this._getError())

    cb()
  }
}

class Pack extends Readable {
  constructor (opts) {
    super(opts)
    this._drain = noop
    this._finalized = false
    this._finalizing = false
    this._pending = []
    this._stream = null
  }

  entry (header, buffer, callback) {
    if (this._finalized || this.destroying) throw new Error('already finalized or destroyed')

    if (typeof buffer === 'function') {
      callback = buffer
      buffer = null
    }

    if (!callback) callback = noop

    if (!header.size || header.type === 'symlink') header.size = 0
    if (!header.type) header.type = modeToType(header.mode)
    if (!header.mode) header.mode = header.type === 'directory' ? DMODE : FMODE
    if (!header.uid) header.uid = 0
    if (!header.gid) header.gid = 0
    if (!header.mtime) header.mtime = new Date()

    if (typeof buffer === 'string') buffer = b4a.from(buffer)

    const sink = new Sink(this, header, callback)

    if (b4a.isBuffer(buffer)) {
      header.size = buffer.byteLength
      sink.write(buffer)
      sink.end()
      return sink
    }

    if (sink._isVoid) {
      return sink
    }

    return sink
  }

  finalize () {
    if (this._stream || this._pending.length > 0) {
      this._finalizing = true
      return
    }

    if (this._finalized) return
    this._finalized = true

    this.push(END_OF_TAR)
    this.push(null)
  }

  _done (stream) {
    if (stream !== this._stream) return

    this._stream = null

    if (this._finalizing) this.finalize()
    if (this._pending.length) this._pending.shift()._continueOpen()
  }

  _encode (header) {
    if (!header.pax) {
      const buf = headers.encode(header)
      if (buf) {
        this.push(buf)
        return
      }
    }
    this._encodePax(header)
  }

  _encodePax (header) {
    const paxHeader = headers.encodePax({
      name: header.name,
      linkname: header.linkname,
      pax: header.pax
    })

    const newHeader = {
      name: 'PaxHeader',
      mode: header.mode,
      uid: header.uid,
      gid: header.gid,
      size: paxHeader.byteLength,
      mtime: header.mtime,
      type: 'pax-header',
      linkname: header.linkname && 'PaxHeader',
      uname: header.uname,
      gname: header.gname,
      devmajor: header.devmajor,
      devminor: header.devminor
    }

    this.push(headers.encode(newHeader))
    this.push(paxHeader)
    overflow(this, paxHeader.byteLength)

    newHeader.size = header.size
    newHeader.type = header.type
    this.push(headers.encode(newHeader))
  }

  _doDrain () {
    const drain = this._drain
    this._drain = noop
    drain()
  }

  _predestroy () {
    const err = getStreamError(this)

    if (this._stream) this._stream.destroy(err)

    while (this._pending.length) {
      const stream = this._pending.shift()
      stream.destroy(err)
      stream._continueOpen()
    }

    this._doDrain()
  }

  _read (cb) {
    this._doDrain()
    cb()
  }
}

module.exports = function pack (opts) {
  return new Pack(opts)
}

function modeToType (mode) {
  switch (mode & constants.S_IFMT) {
    case constants.S_IFBLK: return 'block-device'
    case constants.S_IFCHR: return 'character-device'
    case constants.S_IFDIR: return 'directory'
    case constants.S_IFIFO: return 'fifo'
    case constants.S_IFLNK: return 'symlink'
  }

  return 'file'
}

function noop () {}

function overflow (self, size) {
  size &= 511
  if (size) self.push(END_OF_TAR.subarray(0, 512 - size))
}

function mapWritable (buf) {
  return b4a.isBuffer(buf) ? buf : b4a.from(buf)
}


/***/ }),

/***/ 7934:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const PassThroughDecoder = __nccwpck_require__(7256)
const UTF8Decoder = __nccwpck_require__(6414)

module.exports = class TextDecoder {
  constructor(encoding = 'utf8') {
    this.encoding = normalizeEncoding(encoding)

    switch (this.encoding) {
      case 'utf8':
        this.decoder = new UTF8Decoder()
        break
      case 'utf16le':
      case 'base64':
        throw new Error('Unsupported encoding: ' + this.encoding)
      default:
        this.decoder = new PassThroughDecoder(this.encoding)
    }
  }

  get remaining() {
    return this.decoder.remaining
  }

  push(data) {
    if (typeof data === 'string') return data
    return this.decoder.decode(data)
  }

  // For Node.js compatibility
  write(data) {
    return this.push(data)
  }

  end(data) {
    let result = ''
    if (data) result = this.push(data)
    result += this.decoder.flush()
    return result
  }
}

function normalizeEncoding(encoding) {
  encoding = encoding.toLowerCase()

  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return 'utf8'
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le'
    case 'latin1':
    case 'binary':
      return 'latin1'
    case 'base64':
    case 'ascii':
    case 'hex':
      return encoding
    default:
      throw new Error('Unknown encoding: ' + encoding)
  }
}


/***/ }),

/***/ 7256:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(3057)

module.exports = class PassThroughDecoder {
  constructor(encoding) {
    this.encoding = encoding
  }

  get remaining() {
    return 0
  }

  decode(data) {
    return b4a.toString(data, this.encoding)
  }

  flush() {
    return ''
  }
}


/***/ }),

/***/ 6414:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(3057)

/**
 * https://encoding.spec.whatwg.org/#utf-8-decoder
 */
module.exports = class UTF8Decoder {
  constructor() {
    this._reset()
  }

  get remaining() {
    return this.bytesSeen
  }

  decode(data) {
    if (data.byteLength === 0) return ''

    if (this.bytesNeeded === 0 && trailingIncomplete(data, 0) === 0) {
      this.bytesSeen = trailingBytesSeen(data)
      return b4a.toString(data, 'utf8')
    }

    let result = ''
    let start = 0

    if (this.bytesNeeded > 0) {
      while (start < data.byteLength) {
        const byte = data[start]

        if (byte < this.lowerBoundary || byte > this.upperBoundary) {
          result += '\ufffd'
          this._reset()
          break
        }

        this.lowerBoundary = 0x80
        this.upperBoundary = 0xbf
        this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
        this.bytesSeen++
        start++

        if (this.bytesSeen === this.bytesNeeded) {
          result += String.fromCodePoint(this.codePoint)
          this._reset()
          break
        }
      }

      if (this.bytesNeeded > 0) return result
    }

    const trailing = trailingIncomplete(data, start)
    const end = data.byteLength - trailing

    if (end > start) result += b4a.toString(data, 'utf8', start, end)

    for (let i = end; i < data.byteLength; i++) {
      const byte = data[i]

      if (this.bytesNeeded === 0) {
        if (byte <= 0x7f) {
          this.bytesSeen = 0
          result += String.fromCharCode(byte)
        } else if (byte >= 0xc2 && byte <= 0xdf) {
          this.bytesNeeded = 2
          this.bytesSeen = 1
          this.codePoint = byte & 0x1f
        } else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.lowerBoundary = 0xa0
          else if (byte === 0xed) this.upperBoundary = 0x9f
          this.bytesNeeded = 3
          this.bytesSeen = 1
          this.codePoint = byte & 0xf
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.lowerBoundary = 0x90
          else if (byte === 0xf4) this.upperBoundary = 0x8f
          this.bytesNeeded = 4
          this.bytesSeen = 1
          this.codePoint = byte & 0x7
        } else {
          this.bytesSeen = 1
          result += '\ufffd'
        }

        continue
      }

      if (byte < this.lowerBoundary || byte > this.upperBoundary) {
        result += '\ufffd'
        i--
        this._reset()

        continue
      }

      this.lowerBoundary = 0x80
      this.upperBoundary = 0xbf

      this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
      this.bytesSeen++

      if (this.bytesSeen === this.bytesNeeded) {
        result += String.fromCodePoint(this.codePoint)
        this._reset()
      }
    }

    return result
  }

  flush() {
    const result = this.bytesNeeded > 0 ? '\ufffd' : ''
    this._reset()
    return result
  }

  _reset() {
    this.codePoint = 0
    this.bytesNeeded = 0
    this.bytesSeen = 0
    this.lowerBoundary = 0x80
    this.upperBoundary = 0xbf
  }
}

function trailingIncomplete(data, start) {
  const len = data.byteLength
  if (len <= start) return 0

  const limit = Math.max(start, len - 4)

  let i = len - 1
  while (i > limit && (data[i] & 0xc0) === 0x80) i--

  if (i < start) return 0

  const byte = data[i]

  let needed
  if (byte <= 0x7f) return 0
  if (byte >= 0xc2 && byte <= 0xdf) needed = 2
  else if (byte >= 0xe0 && byte <= 0xef) needed = 3
  else if (byte >= 0xf0 && byte <= 0xf4) needed = 4
  else return 0

  const available = len - i
  return available < needed ? available : 0
}

function trailingBytesSeen(data) {
  const len = data.byteLength
  if (len === 0) return 0

  const last = data[len - 1]

  if (last <= 0x7f) return 0
  if ((last & 0xc0) !== 0x80) return 1

  const limit = Math.max(0, len - 4)

  let i = len - 2
  while (i >= limit && (data[i] & 0xc0) === 0x80) i--

  if (i < 0) return 1

  const first = data[i]

  let needed
  if (first >= 0xc2 && first <= 0xdf) needed = 2
  else if (first >= 0xe0 && first <= 0xef) needed = 3
  else if (first >= 0xf0 && first <= 0xf4) needed = 4
  else return 1

  if (len - i !== needed) return 1

  if (needed >= 3) {
    const second = data[i + 1]
    if (first === 0xe0 && second < 0xa0) return 1
    if (first === 0xed && second > 0x9f) return 1
    if (first === 0xf0 && second < 0x90) return 1
    if (first === 0xf4 && second > 0x8f) return 1
  }

  return 0
}


/***/ }),

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2426);

try {
    process.exitCode = await (0,_cli_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2));
}
catch (e) {
    console.error(`setup-binfmt: ${e.message}`);
    process.exitCode = 1;
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2426:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/util/exec.ts
// Our own wrapper, not @actions/exec: that one has no timeout and does not report the signal
// that ended a command.
//
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
    // Not found fails at once: spawn's ENOENT would leave its timeout running (a missing docker
    // held every step for the whole engine-check timeout).
    if (!file) {
        const e = new Error(`Cannot run ${command}: spawn ${command} ENOENT`);
        return Promise.reject(Object.assign(e, { code: 'ENOENT' }));
    }
    try {
        checkRunnable(file);
    }
    catch (e) {
        return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(file, args, {
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
        const input = options.input ?? '';
        const stream = typeof input === 'string' || Buffer.isBuffer(input) ? undefined : input;
        child.on('close', (code, signal) => {
            stream?.destroy(); // a command that exited before reading all its input leaves it open
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
        if (!stream)
            child.stdin.end(input);
        else {
            stream.on('error', e => {
                child.kill();
                reject(new Error(`Cannot run ${command}: its input failed: ${e.message}`));
            });
            stream.pipe(child.stdin);
        }
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
const hash_sha256 = (data) => (0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest('hex');
/** Hex SHA-256 of a file's content, streamed. */
async function sha256File(path) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(path), hash);
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
        const root = options.root ?? DEFAULT_ROOT;
        const writer = options.writer ?? (await chooseWriter(options.log));
        // A writer that reads the table itself mounts it itself too.
        if (writer.files)
            return new BinfmtTable(root, writer, options.log);
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
        if (this.writer.files) {
            const files = await this.writer.files();
            return [...files]
                .filter(([name]) => name !== 'register' && name !== 'status')
                .map(([name, text]) => parseEntry(name, text));
        }
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
        if (this.writer.files) {
            const text = (await this.writer.files()).get(name);
            return text === undefined || name === 'register' || name === 'status'
                ? undefined
                : parseEntry(name, text);
        }
        try {
            return parseEntry(name, await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(this.root, name), 'utf8'));
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return undefined;
            throw e;
        }
    }
    /** The path to register for each local interpreter: see Writer.place. */
    place(interpreters) {
        return this.writer.place ? this.writer.place(interpreters) : Promise.resolve(interpreters);
    }
    /** SHA-256 of the file an interpreter path names here (for a helper's, the local file). */
    interpreterDigest(interpreter) {
        return fileDigest(this.writer.localFile?.(interpreter) ?? interpreter);
    }
    /** Where the lock and owners record are shared, when not root's folder: see Writer.shared. */
    get shared() {
        return this.writer.shared;
    }
    /** Release what the writer holds; the table is not used afterwards. */
    async close() {
        await this.writer.close?.();
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
        const exists = this.writer.files
            ? (await this.get(name)) !== undefined
            : (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(this.root, name));
        if (!exists) {
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

;// CONCATENATED MODULE: ./src/util/log.ts
// Where progress goes. The action writes workflow commands (src/action/runner.ts); the CLI
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

;// CONCATENATED MODULE: ./src/export/formats.ts
// The two boot-time loaders export writes for, systemd-binfmt (binfmt.d(5): /etc/binfmt.d/*.conf)
// and Debian's binfmt-support (update-binfmts(8) format files in /usr/share/binfmts): the text
// of each one's file, the folders it reads, and the commands that make it load them now.

const EXPORT_FORMATS = ['systemd', 'binfmt-support'];
/** Where each format's files go by default: the folders the loaders read. */
const DEFAULT_EXPORT_DIRS = {
    systemd: '/etc/binfmt.d',
    'binfmt-support': '/usr/share/binfmts'
};
/** binfmt-support's database of imported formats (update-binfmts --admindir). */
const BINFMT_SUPPORT_ADMIN_DIR = '/var/lib/binfmts';
/** The `package` of binfmt-support format files; update-binfmts --remove needs it. */
const PACKAGE = 'setup-binfmt';
/** The folders systemd-binfmt reads at boot (binfmt.d(5)); a file elsewhere must be named. */
const SYSTEMD_DIRS = [
    '/etc/binfmt.d',
    '/run/binfmt.d',
    '/usr/local/lib/binfmt.d',
    '/usr/lib/binfmt.d',
    '/lib/binfmt.d'
];
/** Its path on Debian, Ubuntu, Fedora and Arch alike (/lib is /usr/lib on merged-/usr systems). */
const SYSTEMD_BINFMT = '/lib/systemd/systemd-binfmt';
function parseExportFormat(input) {
    const value = (input ?? '').trim().toLowerCase();
    if (!EXPORT_FORMATS.includes(value)) {
        throw new Error(`format '${input ?? ''}' is not one of ${EXPORT_FORMATS.join(', ')}: systemd writes ` +
            `/etc/binfmt.d/qemu-<target>.conf, binfmt-support writes /usr/share/binfmts/qemu-<target>`);
    }
    return value;
}
/**
 * A binfmt.d file: comment lines, then the entry's register line. systemd-binfmt writes each
 * line to `register` as it is (the kernel decodes the \x escapes), after removing any entry of
 * the same name.
 */
function systemdConf(entry, qemuVersion = 'unknown') {
    const line = registerLine(entry);
    return (`# ${entry.name}: QEMU ${qemuVersion} user-mode emulation, written by setup-binfmt.\n` +
        `# 'setup-binfmt uninstall --exported' removes this file.\n` +
        `${line}\n`);
}
/**
 * A binfmt-support format file (update-binfmts --import): one `key value` line per field.
 * update-binfmts builds the register line from it with flags C (credentials), P (preserve)
 * and F (fix_binary); the kernel's C implies O, and O alone cannot be said. No comments: the
 * format has none.
 */
function binfmtSupportTemplate(entry) {
    registerLine(entry); // the same checks the kernel's line gets: name, path, length
    const flags = new Set(entry.flags.toUpperCase());
    if (flags.has('O') && !flags.has('C')) {
        throw new Error(`binfmt-support cannot express flags '${entry.flags}' for ${entry.name}: it has no O ` +
            `without C (credentials yes gives both). Use flags with C, or without O.`);
    }
    const yesNo = (flag) => (flags.has(flag) ? 'yes' : 'no');
    const match = entry.extension
        ? [`extension ${entry.extension}`]
        : [
            `magic ${escapeHex(entry.magic ?? '')}`,
            `offset ${entry.offset}`,
            `mask ${escapeHex(entry.mask ?? '')}`
        ];
    return [
        `package ${PACKAGE}`,
        `interpreter ${entry.interpreter}`,
        ...match,
        `credentials ${yesNo('C')}`,
        `preserve ${yesNo('P')}`,
        `fix_binary ${yesNo('F')}`,
        ''
    ].join('\n');
}
/** The commands that load the exported entries (format files in `dir`) now. */
function activation(format, dir, files) {
    if (files.length === 0)
        return [];
    if (format === 'systemd') {
        const now = `${SYSTEMD_BINFMT} ${files.map(f => f.path).join(' ')}`;
        // A restart first unregisters every entry (status -1), then loads every binfmt.d file.
        return SYSTEMD_DIRS.includes(dir) ? ['systemctl restart systemd-binfmt', now] : [now];
    }
    const importDir = dir === DEFAULT_EXPORT_DIRS['binfmt-support'] ? '' : ` --importdir ${dir}`;
    return files.map(f => `update-binfmts${importDir} --import ${f.entry}`);
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __nccwpck_require__(2088);
var semver_default = /*#__PURE__*/__nccwpck_require__.n(semver);
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
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
        await (0,promises_namespaceObject.copyFile)(source, temp, external_node_fs_namespaceObject.constants.COPYFILE_EXCL);
        await (0,promises_namespaceObject.chmod)(temp, options.mode);
        if (options.fsync) {
            const file = await (0,promises_namespaceObject.open)(temp, 'r');
            await file.sync().finally(() => file.close());
        }
        await options.check?.(temp);
        await (0,promises_namespaceObject.rename)(temp, path);
    }
    catch (e) {
        await (0,promises_namespaceObject.rm)(temp, { force: true });
        throw e;
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
    return (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)(tempRoot(), `setup-binfmt-${purpose}-`));
}

;// CONCATENATED MODULE: ./src/qemu/archive/members.ts
// The member rules every archive follows, whichever tool opened it (extract.ts, rpm.ts) and
// tar.ts read it: which member serves a target, how links are followed inside the archive's
// own tree, and how an interpreter is written out, only once the whole archive has been read.
// Kept members' bytes go to temporary files, never to memory, and are bounded: an archive of a
// few kilobytes can hold gigabytes of zeros under an interpreter's name.





/** The largest QEMU interpreter is about 18 MB (qemu-xtensa 11.1); a member over 128 MiB is not one. */
const MAX_INTERPRETER_BYTES = 128 << 20;
/**
 * The kept members of one pass, each in its own file under `dir`. Readers call start() at a
 * member's header (it closes the previous one), delete() when a member is replaced or turns
 * out to be a link, and finish() at the end.
 */
class KeptData {
    dir;
    archive;
    maxTotal;
    prefix;
    files = new Map();
    fd;
    count = 0;
    total = 0;
    constructor(dir, archive, 
    /** All kept bytes together, at most. */
    maxTotal, prefix = 'member') {
        this.dir = dir;
        this.archive = archive;
        this.maxTotal = maxTotal;
        this.prefix = prefix;
    }
    start(path) {
        this.delete(path);
        const tmp = (0,external_node_path_namespaceObject.join)(this.dir, `${this.prefix}-${this.count++}`);
        this.fd = (0,external_node_fs_namespaceObject.openSync)(tmp, 'wx', 0o600);
        this.files.set(path, tmp);
        const fd = this.fd;
        let size = 0;
        return chunk => {
            size += chunk.length;
            this.total += chunk.length;
            if (size > MAX_INTERPRETER_BYTES) {
                throw new Error(`Refusing ${this.archive}: member ${path} is over ${MAX_INTERPRETER_BYTES >> 20} MiB, ` +
                    `far more than any QEMU interpreter`);
            }
            if (this.total > this.maxTotal) {
                throw new Error(`Refusing ${this.archive}: its members named like the wanted interpreters hold over ` +
                    `${this.maxTotal >> 20} MiB, more than those interpreters can be`);
            }
            (0,external_node_fs_namespaceObject.writeSync)(fd, chunk);
        };
    }
    has(path) {
        return this.files.has(path);
    }
    get(path) {
        return this.files.get(path);
    }
    /** Take over `path`'s file from another pass. */
    adopt(path, from) {
        const tmp = from.files.get(path);
        if (tmp === undefined)
            return;
        this.delete(path);
        from.files.delete(path);
        this.files.set(path, tmp);
    }
    delete(path) {
        this.finish();
        const tmp = this.files.get(path);
        if (tmp === undefined)
            return;
        (0,external_node_fs_namespaceObject.rmSync)(tmp, { force: true });
        this.files.delete(path);
    }
    finish() {
        if (this.fd !== undefined)
            (0,external_node_fs_namespaceObject.closeSync)(this.fd);
        this.fd = undefined;
    }
}
/**
 * Read the archive with `scan` (keeping the members `keep` accepts), choose each target's
 * member, and write it to destDir/qemu-<target>. A link to a member not named like an
 * interpreter, seen before we knew we wanted it, takes a second pass.
 */
async function extractMembers(file, names, destDir, scan, log) {
    // Kept bytes wait in a temporary folder, so a refused archive leaves nothing in destDir.
    const work = await makeTempDir('members');
    const maxTotal = MAX_INTERPRETER_BYTES * Math.max(1, names.size);
    try {
        const allNames = new Set([...names.values()].flat());
        const data = new KeptData(work, file, maxTotal);
        const first = await scan(path => allNames.has(external_node_path_namespaceObject.posix.basename(path)), data).finally(() => data.finish());
        const sources = chooseMembers(file, first.members, names, log);
        const absent = new Set([...sources.values()].filter(path => !first.data.has(path)));
        if (absent.size > 0) {
            log?.debug(`${file}: second pass for ${[...absent].join(', ')}`);
            const more = new KeptData(work, file, maxTotal, 'again');
            const again = await scan(path => absent.has(path), more).finally(() => more.finish());
            for (const path of absent) {
                if (!again.data.has(path)) {
                    throw new Error(`${file} changed while it was being read: ${path} is gone`);
                }
                first.data.adopt(path, again.data);
            }
        }
        await (0,promises_namespaceObject.mkdir)(destDir, { recursive: true });
        const written = new Map();
        for (const [t, source] of sources) {
            const dest = (0,external_node_path_namespaceObject.join)(destDir, `qemu-${t}`);
            await copyFileAtomic(first.data.get(source), dest, { mode: 0o755 });
            written.set(t, dest);
        }
        return written;
    }
    finally {
        await (0,promises_namespaceObject.rm)(work, { recursive: true, force: true });
    }
}
/** How many links one lookup may follow before we call it a loop (Linux allows 40). */
const MAX_HOPS = 40;
/** Pick each target's member and follow its links to a regular file; fail naming the misses. */
function chooseMembers(file, members, names, log) {
    const sources = new Map();
    const missing = [];
    for (const [t, wanted] of names) {
        const best = bestCandidate(members, wanted);
        if (best === undefined) {
            missing.push(t);
            continue;
        }
        const source = resolveFile(file, members, best);
        log?.debug(`${file}: ${t} from ${best}${source === best ? '' : ` -> ${source}`}`);
        sources.set(t, source);
    }
    if (missing.length > 0) {
        const looked = missing.flatMap(t => names.get(t) ?? []);
        throw new Error(`${file} has no QEMU interpreter for ${missing.join(', ')}: ` +
            `looked for a member named ${looked.join(', ')} in any folder`);
    }
    return sources;
}
/**
 * Members are matched by name in any folder, so prefer one in a bin folder (or the top) over,
 * say, Debian's /usr/share/binfmts/qemu-<target> text file; then the -static name; then the
 * first in the archive.
 */
function bestCandidate(members, wanted) {
    let best;
    for (const [path, member] of members) {
        const index = wanted.indexOf(external_node_path_namespaceObject.posix.basename(path));
        if (index < 0 || member.type === 'directory')
            continue;
        const dir = external_node_path_namespaceObject.posix.dirname(path);
        const inBin = dir === '.' || /(^|\/)s?bin$/.test(dir);
        const rank = (inBin ? 0 : wanted.length) + index;
        if (!best || rank < best.rank)
            best = { path, rank };
    }
    return best?.path;
}
/**
 * Follow symbolic and hard links from `start` the way the kernel would after extraction, but in
 * the archive's own tree: absolute targets start at the archive's top, and climbing above it is
 * an error rather than a step onto the host.
 */
function resolveFile(file, members, start) {
    const done = [];
    let todo = start.split('/');
    let hops = 0;
    let via = start;
    while (todo.length > 0) {
        const [part, ...rest] = todo;
        todo = rest;
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (done.pop() === undefined) {
                throw new Error(`Refusing ${file}: the link ${via} leads outside the archive`);
            }
            continue;
        }
        done.push(part);
        const here = done.join('/');
        const member = members.get(here);
        if (member?.type !== 'symlink' && member?.type !== 'hardlink')
            continue;
        if (++hops > MAX_HOPS)
            throw new Error(`Refusing ${file}: the links from ${start} loop`);
        via = `${here} -> ${member.linkname}`;
        done.pop();
        // Hard link names, like absolute symlinks, are relative to the archive's top.
        if (member.type === 'hardlink' || member.linkname.startsWith('/'))
            done.length = 0;
        todo = [...member.linkname.split('/'), ...todo];
    }
    const path = done.join('/');
    const member = members.get(path);
    if (!member)
        throw new Error(`${file}: ${start} leads to ${path}, which is not in the archive`);
    if (member.type !== 'file') {
        const what = member.type === 'directory' ? 'a folder' : 'a device, FIFO or other special member';
        throw new Error(`${file}: ${start} leads to ${path}, which is ${what}, not a file`);
    }
    return path;
}

;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __nccwpck_require__(6118);
;// CONCATENATED MODULE: ./src/qemu/archive/tar.ts
// The one archive reader: tar-stream parses the tar stream of a tarball, a .deb's data.tar or
// an RPM payload (rpm2archive turns it into tar), and this file applies the member rules as
// members go by: paths normalised, a `..` segment refused, and only the members `keep` wants
// streamed to KeptData, which bounds them.


/**
 * Read the tar stream `feed` writes, once: index every member and keep the files `keep` wants.
 * A failing feed is wrapped in `feedError`; a refused member's error is thrown as it is.
 */
async function scanTar(file, feed, feedError, keep, data) {
    const scan = { members: new Map(), data };
    // Pre-POSIX tars have no ustar magic: read their headers all the same (an option of
    // tar-stream's that its types leave out).
    const extract = (0,tar_stream.extract)({ allowUnknownFormat: true });
    let refusal;
    const refuse = (e) => {
        refusal ??= e;
        extract.destroy(e);
    };
    extract.on('entry', (header, stream, next) => {
        stream.on('error', () => { }); // destroying `extract` fails its entry too; `extract` reports it
        try {
            const { path, ...entry } = member(file, header);
            scan.members.delete(path); // a replaced member moves to its new place in archive order
            scan.members.set(path, entry);
            data.delete(path);
            const sink = entry.type === 'file' && keep(path) ? data.start(path) : undefined;
            stream.on('data', chunk => {
                try {
                    sink?.(chunk);
                }
                catch (e) {
                    refuse(e);
                }
            });
            stream.on('end', () => next());
            stream.resume();
        }
        catch (e) {
            refuse(e);
        }
    });
    const read = new Promise((resolve, reject) => {
        extract.on('error', reject);
        extract.on('close', resolve);
    });
    const fed = feed(feedSink(extract)).then(() => {
        if (!extract.destroying)
            extract.end(null);
    }, (e) => {
        extract.destroy();
        throw e;
    });
    const [feeding, reading] = await Promise.allSettled([fed, read]);
    if (feeding.status === 'rejected')
        throw feedError(feeding.reason);
    if (refusal !== undefined)
        throw refusal;
    if (reading.status === 'rejected') {
        const { message } = reading.reason;
        if (message === 'Unexpected end of data') {
            throw new Error(`${file} is truncated: the tar stream stops inside a member`);
        }
        throw new Error(`${file} is not a valid tar stream: ${message}`, { cause: reading.reason });
    }
    return scan;
}
/**
 * The sink a feed writes into, passing chunks on to `extract` as it takes them. Once `extract`
 * has stopped (a refusal, a corrupt header) it swallows the rest, since a decompressor blocked
 * on a full pipe would never exit.
 */
function feedSink(extract) {
    return new external_node_stream_namespaceObject.Writable({
        write(chunk, _encoding, done) {
            if (extract.destroying || extract.write(chunk))
                return done();
            const go = () => {
                extract.off('drain', go);
                extract.off('close', go);
                done();
            };
            extract.on('drain', go);
            extract.on('close', go);
        }
    });
}
const TYPES = {
    file: 'file',
    'contiguous-file': 'file', // a plain file everywhere but a few old systems
    link: 'hardlink',
    symlink: 'symlink',
    directory: 'directory'
};
/** A header as a member: devices, FIFOs and unknown types are refused only if chosen. */
function member(file, header) {
    let type = TYPES[header.type ?? ''] ?? 'other';
    // Pre-POSIX tars mark directories only by a trailing slash.
    if (type === 'file' && header.name.endsWith('/'))
        type = 'directory';
    const linkname = header.linkname ?? '';
    return {
        path: memberPath(file, header.name),
        type,
        linkname: type === 'hardlink' ? memberPath(file, linkname) : linkname
    };
}
/** Strip a leading / or ./; a `..` segment could write outside the destination, so refuse. */
function memberPath(file, raw) {
    const parts = raw.split('/').filter(p => p !== '' && p !== '.');
    if (parts.includes('..')) {
        throw new Error(`Refusing ${file}: member ${raw} has a '..' path segment, so it would escape the extraction folder`);
    }
    return parts.join('/');
}

;// CONCATENATED MODULE: ./src/platform/host.ts
// The architectures Node runs on (os.arch() names), and what each one is called elsewhere: the
// QEMU target it runs natively, its ELF header, and rpm's name for it. One table, so that the
// native-platform probe, the interpreter check and the Fedora source cannot disagree.
const HOST_ARCHES = {
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

;// CONCATENATED MODULE: ./src/qemu/elf.ts
// Just enough ELF to decide whether a file can serve as an F-flag interpreter on this host:
// it must be a program the kernel can load for the host's machine (ET_EXEC, or ET_DYN built as
// static-pie, with a loadable segment holding the entry point) and have no PT_INTERP (a dynamic
// interpreter needs the host's loader and libraries, which a container or chroot does not have).
// A bare header, an object file (ET_REL) or a core dump is refused: the kernel would answer
// ENOEXEC, and whatever runs it through execvp would then hand it to /bin/sh.


const ET_EXEC = 2;
const ET_DYN = 3;
const PT_LOAD = 1;
const PT_INTERP = 3;
const PF_X = 1;
/** The kernel refuses program header tables over 64 KiB (fs/binfmt_elf.c). */
const MAX_PHDRS_BYTES = 65536;
const TYPE_NAMES = {
    0: 'ET_NONE',
    1: 'an object file (ET_REL)',
    4: 'a core dump (ET_CORE)'
};
/** Parse the header and program headers; undefined when the file is not ELF. */
async function readElf(path) {
    const file = await (0,promises_namespaceObject.open)(path, 'r');
    try {
        const { size } = await file.stat();
        const head = Buffer.alloc(64);
        const { bytesRead } = await file.read(head, 0, 64, 0);
        if (bytesRead < 52 || head.readUInt32BE(0) !== 0x7f454c46)
            return undefined;
        if (head[4] !== 1 && head[4] !== 2)
            return undefined;
        if (head[5] !== 1 && head[5] !== 2)
            return undefined;
        const bits = head[4] === 2 ? 64 : 32;
        const littleEndian = head[5] === 1;
        const u16 = (b, at) => (littleEndian ? b.readUInt16LE(at) : b.readUInt16BE(at));
        const u32 = (b, at) => (littleEndian ? b.readUInt32LE(at) : b.readUInt32BE(at));
        const u64 = (b, at) => Number(littleEndian ? b.readBigUInt64LE(at) : b.readBigUInt64BE(at));
        const word = bits === 64 ? u64 : u32;
        const type = u16(head, 16);
        const machine = u16(head, 18);
        const entry = word(head, 24);
        const phoff = bits === 64 ? u64(head, 32) : u32(head, 28);
        const phentsize = u16(head, bits === 64 ? 54 : 42);
        const phnum = u16(head, bits === 64 ? 56 : 44);
        const info = { bits, littleEndian, machine, type };
        const refuse = (unloadable) => ({ ...info, dynamic: false, unloadable });
        if (type !== ET_EXEC && type !== ET_DYN) {
            return refuse(`it is ${TYPE_NAMES[type] ?? `of ELF type ${type}`}, not a program`);
        }
        if (phentsize !== (bits === 64 ? 56 : 32) || phnum === 0) {
            return refuse('it has no program headers');
        }
        const tableSize = phentsize * phnum;
        if (tableSize > MAX_PHDRS_BYTES || phoff + tableSize > size) {
            return refuse('its program header table lies outside the file');
        }
        const table = Buffer.alloc(tableSize);
        await file.read(table, 0, tableSize, phoff);
        let dynamic = false;
        let loads = 0;
        let entryMapped = false;
        for (let i = 0; i < phnum; i++) {
            const at = i * phentsize;
            const kind = u32(table, at);
            if (kind === PT_INTERP)
                dynamic = true;
            if (kind !== PT_LOAD)
                continue;
            loads++;
            // 64-bit: type, flags, offset, vaddr, paddr, filesz, memsz; 32-bit: type, offset, vaddr, paddr, filesz, memsz, flags.
            const flags = bits === 64 ? u32(table, at + 4) : u32(table, at + 24);
            const offset = bits === 64 ? u64(table, at + 8) : u32(table, at + 4);
            const vaddr = bits === 64 ? u64(table, at + 16) : u32(table, at + 8);
            const filesz = bits === 64 ? u64(table, at + 32) : u32(table, at + 16);
            const memsz = bits === 64 ? u64(table, at + 40) : u32(table, at + 20);
            if (offset + filesz > size)
                return refuse(`a loadable segment (#${i}) is cut off`);
            if (flags & PF_X && entry >= vaddr && entry < vaddr + memsz)
                entryMapped = true;
        }
        if (loads === 0)
            return refuse('it has no loadable (PT_LOAD) segment');
        if (entry === 0 || !entryMapped) {
            return refuse(`its entry point 0x${entry.toString(16)} is in no executable segment`);
        }
        return { ...info, dynamic };
    }
    finally {
        await file.close();
    }
}
/**
 * Throw unless `path` is a static ELF executable for `arch` (os.arch() terms). The message
 * says what is wrong and what to do, since it usually means the wrong QEMU package.
 */
async function checkInterpreter(path, arch = process.arch) {
    const info = await readElf(path);
    if (!info) {
        throw new Error(`Interpreter ${path} is not an ELF executable: use a static QEMU build (Debian's qemu-user-static)`);
    }
    if (info.unloadable) {
        throw new Error(`Interpreter ${path} is not a program the kernel can run (${info.unloadable}): ` +
            `use a static QEMU build (Debian's qemu-user-static)`);
    }
    const host = HOST_ARCHES[arch];
    if (host &&
        (info.machine !== host.machine ||
            info.bits !== host.bits ||
            info.littleEndian !== host.littleEndian)) {
        throw new Error(`Interpreter ${path} is built for ELF machine ${info.machine} (${info.bits}-bit), ` +
            `not for this ${arch} host (machine ${host.machine}): use QEMU built for ${arch}`);
    }
    if (info.dynamic) {
        throw new Error(`Interpreter ${path} is dynamically linked (it has a PT_INTERP header), so it would fail ` +
            `inside containers and chroots: use a static build (Debian's qemu-user-static)`);
    }
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
const TARGETS = new Map(rows.map(([name, family, magic, mask]) => [
    name,
    { name, family, magic, mask, interpreter: name === 'i486' ? 'i386' : name }
]));
function target(name) {
    const found = TARGETS.get(name);
    if (!found)
        throw new Error(`Unknown QEMU target '${name}'`);
    return found;
}

;// CONCATENATED MODULE: ./src/qemu/system.ts
// `source: system`: interpreters already on the machine, from qemu-path or the usual places.





/** Where to look, in order: qemu-path alone when given, else PATH, /usr/bin, /usr/local/bin. */
function searchDirs(qemuPath, path = process.env.PATH ?? '') {
    if (qemuPath)
        return [qemuPath];
    const dirs = [
        ...path.split(external_node_path_namespaceObject.delimiter).filter(d => d.startsWith('/')),
        '/usr/bin',
        '/usr/local/bin'
    ];
    return [...new Set(dirs)];
}
/** The file names an interpreter for a target may have: qemu-<target>-static or qemu-<target>. */
function candidateNames(targetName) {
    const name = target(targetName).interpreter;
    return [`qemu-${name}-static`, `qemu-${name}`];
}
async function isExecutableFile(path) {
    try {
        await (0,promises_namespaceObject.access)(path, external_node_fs_namespaceObject.constants.X_OK);
        return (await (0,promises_namespaceObject.stat)(path)).isFile();
    }
    catch {
        return false;
    }
}
/** Map each target to a static interpreter for this host, or fail naming what is missing. */
async function findSystemInterpreters(targets, qemuPath) {
    if (qemuPath) {
        const info = await (0,promises_namespaceObject.stat)(qemuPath).catch(() => undefined);
        if (!info?.isDirectory()) {
            throw new Error(`qemu-path '${qemuPath}' is not a folder: point it at the folder that holds qemu-<target>-static or qemu-<target>`);
        }
    }
    const dirs = searchDirs(qemuPath);
    const found = new Map();
    const missing = [];
    for (const t of targets) {
        let hit;
        for (const dir of dirs) {
            for (const name of candidateNames(t)) {
                if (!hit && (await isExecutableFile((0,external_node_path_namespaceObject.join)(dir, name))))
                    hit = (0,external_node_path_namespaceObject.join)(dir, name);
            }
        }
        if (hit)
            found.set(t, hit);
        else
            missing.push(t);
    }
    if (missing.length > 0) {
        throw new Error(`No QEMU interpreter for ${missing.join(', ')}: looked for ` +
            `${missing.flatMap(candidateNames).join(', ')} in ${dirs.join(', ')}. ` +
            (qemuPath
                ? `Put them in ${qemuPath}, or drop qemu-path to search PATH.`
                : `Install static QEMU (Debian/Ubuntu: apt-get install qemu-user-static) or set qemu-path.`));
    }
    for (const path of found.values())
        await checkInterpreter(path);
    return found;
}
/**
 * The QEMU version an interpreter was built as, read from the line `--version` would print
 * ("qemu-aarch64 version 7.2.22 (Debian ...)"), which the binary holds as one string. Read,
 * not run: nothing found on the machine is executed by this project.
 */
async function qemuVersion(interpreter) {
    const pattern = /qemu-[a-z0-9_]+ version (\d+\.\d+(?:\.\d+)?)[ \n]/;
    const file = await (0,promises_namespaceObject.open)(interpreter, 'r').catch(() => undefined);
    if (!file)
        return 'unknown';
    try {
        const chunk = Buffer.alloc(1 << 20);
        const overlap = 64;
        let tail = '';
        for (let at = 0;;) {
            const { bytesRead } = await file.read(chunk, 0, chunk.length, at);
            if (bytesRead === 0)
                return 'unknown';
            const text = tail + chunk.toString('latin1', 0, bytesRead);
            const found = pattern.exec(text);
            if (found)
                return found[1];
            tail = text.slice(-overlap);
            at += bytesRead;
        }
    }
    finally {
        await file.close();
    }
}

;// CONCATENATED MODULE: ./src/qemu/archive/extract.ts
// `source: archive`: pull static QEMU interpreters out of a release tarball or a Debian package.
// This file opens the archive (gzip here, xz and zstd by their tools, a .deb's ar wrapper by
// hand: it is a few fixed-size headers) and hands the tar stream to tar.ts, read once, so a
// 500 MB package never lands on disk or in memory. The member rules are in members.ts.










/**
 * Extract the interpreters for `targets` (QEMU target names) from `file` into `destDir`,
 * as destDir/qemu-<target> (mode 0755). Returns target -> written path.
 */
async function extractInterpreters(file, format, targets, destDir, log) {
    const wanted = [...new Set(targets)];
    const names = new Map(wanted.map(t => [t, candidateNames(t)]));
    if (format === 'bin')
        return copyBare(file, wanted, destDir, log);
    return extractMembers(file, names, destDir, (keep, data) => scanArchive(file, format, keep, data, log), log);
}
// ---------------------------------------------------------------------------------------------
// Reading an archive
/** Stream the whole archive once, indexing every member and keeping the files `keep` wants. */
function scanArchive(file, format, keep, data, log) {
    return scanTar(file, sink => feed(file, format, sink, log), e => new Error(`Cannot read ${file} as ${format}: ${e.message}`, { cause: e }), keep, data);
}
/** -T0: xz 5.4+ decompresses multi-block streams (dpkg-deb writes them) on every core. */
const XZ = ['xz', '-T0', '-dc'];
const DEB_DECOMPRESSORS = {
    '.xz': XZ,
    '.zst': ['zstd', '-dc']
};
/** Write the archive's uncompressed tar stream into `sink`. */
async function feed(file, format, sink, log) {
    switch (format) {
        case 'tar.gz':
            return (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(file), (0,external_node_zlib_namespaceObject.createGunzip)(), sink);
        case 'tar.xz':
            return decompress([...XZ, file], sink, log);
        case 'deb':
            return feedDeb(file, sink, log);
        default:
            throw new Error(`unknown archive format '${format}'`);
    }
}
/** Run a decompressor (reading `input`, else the file its argv names) that writes the tar stream. */
async function decompress(argv, sink, log, input) {
    // run() resolves when the process exits; `finished` waits until the sink has taken every byte.
    await Promise.all([exec_run(argv, { input, stdout: sink, log }), (0,external_node_stream_promises_namespaceObject.finished)(sink)]);
}
/** A .deb is an ar archive; its file system is the data.tar[.xz|.zst|.gz] member. */
async function feedDeb(file, sink, log) {
    const member = await findDebData(file);
    const range = () => (0,external_node_fs_namespaceObject.createReadStream)(file, { start: member.offset, end: member.end - 1 });
    const compression = member.name.slice('data.tar'.length);
    if (compression === '')
        return (0,external_node_stream_promises_namespaceObject.pipeline)(range(), sink);
    if (compression === '.gz')
        return (0,external_node_stream_promises_namespaceObject.pipeline)(range(), (0,external_node_zlib_namespaceObject.createGunzip)(), sink);
    const tool = DEB_DECOMPRESSORS[compression];
    if (!tool)
        throw new Error(`${member.name} is compressed in a way this tool does not read`);
    return decompress(tool, sink, log, range());
}
const AR_MAGIC = '!<arch>\n';
const AR_HEADER = 60;
/** Walk the ar headers (16-byte name, ..., 10-byte decimal size, "`\n") to the data member. */
async function findDebData(file) {
    const handle = await (0,promises_namespaceObject.open)(file, 'r');
    try {
        const { size: total } = await handle.stat();
        const magic = Buffer.alloc(AR_MAGIC.length);
        await handle.read(magic, 0, magic.length, 0);
        if (magic.toString('latin1') !== AR_MAGIC)
            throw new Error('not an ar archive');
        const header = Buffer.alloc(AR_HEADER);
        for (let at = AR_MAGIC.length; at + AR_HEADER <= total;) {
            await handle.read(header, 0, AR_HEADER, at);
            const name = header.toString('latin1', 0, 16).trimEnd().replace(/\/$/, '');
            const sizeText = header.toString('latin1', 48, 58).trim();
            const size = Number(sizeText);
            const offset = at + AR_HEADER;
            if (header.toString('latin1', 58, 60) !== '`\n' || !/^\d+$/.test(sizeText)) {
                throw new Error(`corrupt ar header at byte ${at}`);
            }
            if (offset + size > total)
                throw new Error(`ar member ${name} is truncated`);
            if (/^data\.tar(\.|$)/.test(name)) {
                if (size === 0)
                    throw new Error(`ar member ${name} is empty`);
                return { name, offset, end: offset + size };
            }
            at = offset + size + (size % 2); // members start on even offsets
        }
        throw new Error('no data.tar member: not a Debian binary package');
    }
    finally {
        await handle.close();
    }
}
// ---------------------------------------------------------------------------------------------
// Writing
/** A bare interpreter binary serves exactly one target. */
async function copyBare(file, targets, destDir, log) {
    if (targets.length !== 1) {
        throw new Error(`${file} is a single interpreter, so it serves exactly one target, not ${targets.length} (${targets.join(', ')})`);
    }
    const [t] = targets;
    await (0,promises_namespaceObject.mkdir)(destDir, { recursive: true });
    const dest = (0,external_node_path_namespaceObject.join)(destDir, `qemu-${t}`);
    log?.debug(`${file}: ${t} is the file itself`);
    await copyFileAtomic(file, dest, { mode: 0o755 });
    return new Map([[t, dest]]);
}

;// CONCATENATED MODULE: ./src/qemu/cache.ts
// Our own cache, not @actions/tool-cache: that one prints ::debug:: lines into the CLI's JSON.
//
// Interpreters cached per target, version and host arch, in the runner's tool cache with the
// layout and `.complete` marker of @actions/tool-cache (so tc.find() sees the same entries).
// Written here rather than through tc.cacheFile: that module logs through @actions/core even
// when the CLI runs it, and a marker written last is all it takes to never serve a half copy.
//
// A tool cache lives for months on a self-hosted runner, so a hit is not trusted as found:
// the SHA-256 recorded when the file was stored (<tool>.sha256 beside it, inside the folder
// tool-cache knows) must still match, the file must pass the static-ELF check, and neither it
// nor any folder below the cache root may be a symbolic link or writable by other users.








/** The tool-cache name of a target's interpreter. */
const toolName = (target) => `qemu-${target}`;
function cacheRoot() {
    if (process.env.RUNNER_TOOL_CACHE)
        return process.env.RUNNER_TOOL_CACHE;
    if (process.getuid?.() === 0)
        return '/var/cache/setup-binfmt';
    return (0,external_node_path_namespaceObject.join)(process.env.XDG_CACHE_HOME || (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.cache'), 'setup-binfmt');
}
/**
 * The cache key of a version: semver-normalised but with its build metadata, so 10.0.13+patched
 * and 10.0.13 are two entries (tool-cache's own semver.clean would make them one).
 */
function cacheKey(version) {
    const parsed = semver_default().parse(version.trim());
    if (!parsed)
        return version;
    return parsed.build.length > 0 ? `${parsed.version}+${parsed.build.join('.')}` : parsed.version;
}
function folder(tool, version, arch) {
    return (0,external_node_path_namespaceObject.join)(cacheRoot(), tool, cacheKey(version), arch);
}
/** A cache entry that is there but must not be used; the message says why. */
class CacheEntryRefused extends Error {
}
/**
 * The cached interpreter, checked as described above; undefined when absent or never
 * completed. Throws CacheEntryRefused when the entry is there but fails a check.
 */
async function findCached(tool, version, arch) {
    const dir = folder(tool, version, arch);
    const file = (0,external_node_path_namespaceObject.join)(dir, tool);
    if (!(0,external_node_fs_namespaceObject.existsSync)(`${dir}.complete`))
        return undefined;
    const refuse = (why) => {
        throw new CacheEntryRefused(`cached ${file} is not used: ${why}`);
    };
    const own = process.getuid?.() ?? 0;
    const parts = [(0,external_node_path_namespaceObject.join)(cacheRoot(), tool), (0,external_node_path_namespaceObject.join)(cacheRoot(), tool, cacheKey(version)), dir];
    for (const path of [...parts, file, `${file}.sha256`]) {
        let info;
        try {
            info = (0,external_node_fs_namespaceObject.lstatSync)(path);
        }
        catch {
            return path === file ? undefined : refuse(`${path} is missing`);
        }
        const name = path === file ? 'it' : path;
        if (info.isSymbolicLink())
            refuse(`${name} is a symbolic link`);
        if (info.uid !== own && info.uid !== 0)
            refuse(`${name} belongs to another user (${info.uid})`);
        if (info.mode & 0o022)
            refuse(`${name} is writable by other users`);
    }
    const recorded = (await (0,promises_namespaceObject.readFile)(`${file}.sha256`, 'utf8')).trim();
    const actual = await sha256File(file);
    if (recorded !== actual) {
        refuse(`its SHA-256 ${actual} is not the ${recorded} recorded when it was stored`);
    }
    await checkInterpreter(file, arch).catch((e) => refuse(e.message));
    return file;
}
/** Versions of `tool` completely cached for `arch` (not yet checked: see findCached). */
function cachedVersions(tool, arch) {
    const dir = (0,external_node_path_namespaceObject.join)(cacheRoot(), tool);
    const versions = (0,external_node_fs_namespaceObject.existsSync)(dir) ? (0,external_node_fs_namespaceObject.readdirSync)(dir).filter(v => semver_default().valid(v)) : [];
    return semver_default().rsort(versions)
        .filter(v => (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, v, `${arch}.complete`)) && cacheKey(v) === v);
}
/**
 * Copy `file` into the cache as <tool>/<version>/<arch>/<tool> with its SHA-256 beside it
 * (the file should have passed checkInterpreter); the marker goes last. Modes are set
 * explicitly, so a umask of 000 leaves nothing writable by others.
 */
async function storeCached(tool, version, arch, file) {
    const dir = folder(tool, version, arch);
    (0,external_node_fs_namespaceObject.rmSync)(`${dir}.complete`, { force: true });
    (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
    (0,external_node_fs_namespaceObject.mkdirSync)(dir, { recursive: true, mode: 0o755 });
    for (const path of [(0,external_node_path_namespaceObject.join)(cacheRoot(), tool), (0,external_node_path_namespaceObject.join)(cacheRoot(), tool, cacheKey(version)), dir]) {
        setMode(path, 0o755);
    }
    const dest = (0,external_node_path_namespaceObject.join)(dir, tool);
    await copyFileAtomic(file, dest, {
        mode: 0o755,
        // The digest of the copy itself, recorded before the copy takes its place.
        check: async (copy) => writeFileAtomic(`${dest}.sha256`, `${await sha256File(copy)}\n`, { mode: 0o644 })
    });
    writeFileAtomic(`${dir}.complete`, '', { mode: 0o644 });
    return dest;
}
/** chmod, except on a folder another user (root, on a shared cache) owns and keeps. */
function setMode(path, mode) {
    try {
        (0,external_node_fs_namespaceObject.chmodSync)(path, mode);
    }
    catch (e) {
        if (e.code !== 'EPERM')
            throw e;
    }
}

;// CONCATENATED MODULE: ./src/qemu/builtin-manifest.json
const builtin_manifest_namespaceObject = /*#__PURE__*/JSON.parse('[{"version":"11.1.3","stable":false,"release_url":"https://metadata.ftp-master.debian.org/changelogs/main/q/qemu/qemu_11.1.3+ds-2~bpo13+1_changelog","files":[{"filename":"qemu-user_11.1.3+ds-2~bpo13+1_amd64.deb","platform":"linux","arch":"x64","targets":["i386","i486","alpha","arm","armeb","sparc","sparc32plus","sparc64","ppc","ppc64","ppc64le","m68k","mips","mipsel","mipsn32","mipsn32el","mips64","mips64el","sh4","sh4eb","s390x","aarch64","aarch64_be","hppa","riscv32","riscv64","xtensa","xtensaeb","microblaze","microblazeel","or1k","x86_64","hexagon","loongarch64"],"format":"deb","sha256":"8ecfbda5a10061564458a33842f4526ac4186600a0809b2adc36784c6db8081e","size":70528708,"download_url":"https://deb.debian.org/debian/pool/main/q/qemu/qemu-user_11.1.3+ds-2~bpo13+1_amd64.deb","mirror_urls":["https://snapshot.debian.org/archive/debian/20261130T022141Z/pool/main/q/qemu/qemu-user_11.1.3+ds-2~bpo13+1_amd64.deb"]},{"filename":"qemu-user_11.1.3+ds-2~bpo13+1_arm64.deb","platform":"linux","arch":"arm64","targets":["i386","i486","alpha","arm","armeb","sparc","sparc32plus","sparc64","ppc","ppc64","ppc64le","m68k","mips","mipsel","mipsn32","mipsn32el","mips64","mips64el","sh4","sh4eb","s390x","aarch64","aarch64_be","hppa","riscv32","riscv64","xtensa","xtensaeb","microblaze","microblazeel","or1k","x86_64","hexagon","loongarch64"],"format":"deb","sha256":"37ed48daee5b9b44bf0368abb98f45d9fdb6167e8ca368dab6b07508d612b169","size":63682828,"download_url":"https://deb.debian.org/debian/pool/main/q/qemu/qemu-user_11.1.3+ds-2~bpo13+1_arm64.deb","mirror_urls":["https://snapshot.debian.org/archive/debian/20261130T022141Z/pool/main/q/qemu/qemu-user_11.1.3+ds-2~bpo13+1_arm64.deb"]},{"filename":"qemu-i386-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["i386","i486"],"format":"tar.gz","sha256":"f0b40e1984b30ff051d4840f60003b690f197bd99fb56a35f7d07a44d47b134d","size":2953953,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-i386-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-alpha-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["alpha"],"format":"tar.gz","sha256":"371d7ee17f5ae1e1ff7bd54a4b6685ddb76f91dabad195fe99e875425e86ba81","size":2725226,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-alpha-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-arm-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["arm"],"format":"tar.gz","sha256":"144430fb583e9495e3a36a7f8345191b645d0627d8904af232814077e3dfcd30","size":3110012,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-arm-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-armeb-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["armeb"],"format":"tar.gz","sha256":"ab422846ccf7feb57d58a43558569f57f02721e75b40dfad39fd46e01b886e85","size":3115846,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-armeb-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-sparc-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sparc"],"format":"tar.gz","sha256":"9bf8f64d2e9561304f7cc1fdbab9981dbf287d2177e4978ad136c0c7db9a377c","size":2775049,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-sparc-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-sparc32plus-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sparc32plus"],"format":"tar.gz","sha256":"528bab66a875d969d12cc6cf4c27ed94b0e4a787be543eb0f2e0f44864a27874","size":2809608,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-sparc32plus-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-sparc64-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sparc64"],"format":"tar.gz","sha256":"060ed98b72fd103ec688422201cb5a253c27dad11f835749dd3272d3056d355f","size":2805200,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-sparc64-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-ppc-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["ppc"],"format":"tar.gz","sha256":"f9faa2e53a78a5ab5c174ce6d294cfb4009b383a0f106dce2e0a5ced06435e04","size":3026064,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-ppc-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-ppc64-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["ppc64"],"format":"tar.gz","sha256":"570e521019ce71560d8818debff454f3338f9c5b81053d406ffc18b0e1e9e8eb","size":3041107,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-ppc64-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-ppc64le-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["ppc64le"],"format":"tar.gz","sha256":"351b977732deb841b22136cc8932af81fc12dad8f0c799663183058207942a88","size":3035876,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-ppc64le-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-m68k-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["m68k"],"format":"tar.gz","sha256":"08e2f68730974ad3ff27a5aba7a35bedef18722ecc1d1f106f865dc6beb6df21","size":2813661,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-m68k-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-mips-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mips"],"format":"tar.gz","sha256":"6004f0711873a80a23979d03418ad9e7edb7d80e17e474a3e5f1e6f5108eb78f","size":3041172,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-mips-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-mipsel-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mipsel"],"format":"tar.gz","sha256":"d5bd2cda96970a069c061434b48dec31aa8acb4566a215f1907d42dfde3a7532","size":3032648,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-mipsel-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-mipsn32-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mipsn32"],"format":"tar.gz","sha256":"7306ed82659f1aa253fb1f35b69e86e1cb2d0b0370f7a014cbdaccd02a871d12","size":3050843,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-mipsn32-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-mipsn32el-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mipsn32el"],"format":"tar.gz","sha256":"e9bbaf0a8282e3653799cc4aa0174940fffa19644f75c71815a530898eedca63","size":3044877,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-mipsn32el-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-mips64-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mips64"],"format":"tar.gz","sha256":"c779169d8d26db280b841fe2fbe4edbda613823cb57cb606e7bee750173ff725","size":3048568,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-mips64-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-mips64el-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mips64el"],"format":"tar.gz","sha256":"0d80869d33106e6b3a0df25f3f7285e10da089e4eac654e9a474d1267f28abe8","size":3045940,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-mips64el-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-sh4-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sh4"],"format":"tar.gz","sha256":"7137acd465fc1aae0c4c3cd3f252e20dfe411dd3858ac87fe3dbb8f0a55e41de","size":2725224,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-sh4-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-sh4eb-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sh4eb"],"format":"tar.gz","sha256":"a7fc3fbb758397d852a4b3c95947a39c24878edd7d8a8296d2480684fb8c101f","size":2728833,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-sh4eb-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-s390x-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["s390x"],"format":"tar.gz","sha256":"2c96a56a7546bb5e4dbfa7f3dea6d202b9e1596f1fad469308bd351be513987f","size":2867245,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-s390x-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-aarch64-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["aarch64"],"format":"tar.gz","sha256":"04f9a70956e6740e872f34a1481bd06f68843c7757557c20d3253f0f51fb114b","size":3645067,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-aarch64-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-aarch64_be-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["aarch64_be"],"format":"tar.gz","sha256":"2bafab7407b76ecf3f05dc5dc3ce81e25eabea2ac3e38da60c5fcd7d0d710816","size":3649601,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-aarch64_be-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-hppa-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["hppa"],"format":"tar.gz","sha256":"3c937de6b646c4006b14624a0385e07dda2f3c2e25e43e56edc1b1bbdc6b8e56","size":2758166,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-hppa-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-riscv32-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["riscv32"],"format":"tar.gz","sha256":"1bb3112a5d3fad1ff2837826812241a58b0a4a55ed712f824389dc12c422cf0d","size":2999980,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-riscv32-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-riscv64-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["riscv64"],"format":"tar.gz","sha256":"372c234802cea961b06d6f7807f4b1eeb118a7301f6afaa020e8b0bd6312e766","size":3015468,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-riscv64-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-xtensa-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["xtensa"],"format":"tar.gz","sha256":"c314b54d44fbd3ca2d2a614d6eaef7b91c91e4ad2a8e42fe889f764fd582314c","size":3381028,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-xtensa-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-xtensaeb-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["xtensaeb"],"format":"tar.gz","sha256":"a7ebdb68c53fd5ec02bc027dbc2db84df9f97a7ea1fec2448fa704f7b62518ed","size":3363247,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-xtensaeb-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-microblaze-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["microblaze"],"format":"tar.gz","sha256":"09ffd8d7bf1949a4ccfbcaf904004532e7aaf3483cb8581f48c16ea46d66c654","size":2722336,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-microblaze-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-microblazeel-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["microblazeel"],"format":"tar.gz","sha256":"43f682e79ba4b130e5a93d68cac7f207e842eb0c7b5df8196c94087ea4979e7c","size":2718834,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-microblazeel-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-or1k-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["or1k"],"format":"tar.gz","sha256":"c8510dc430707b2cbad600c21e8e38ad8b9a53548ddb46f54354f398a4fe1805","size":2700396,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-or1k-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-x86_64-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["x86_64"],"format":"tar.gz","sha256":"1c36d25c20841d786f88a0766f1a6813559e7ca6a9a583d5d30dae05a6515767","size":2946318,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-x86_64-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-hexagon-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["hexagon"],"format":"tar.gz","sha256":"ac15096d6ee591b3a7c4ca41d874f85dca61b176b1420c28f1e701f3c6cfe488","size":3220594,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-hexagon-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-loongarch64-11.1.3-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["loongarch64"],"format":"tar.gz","sha256":"0fa872a8f0fc4f88892e056c002a18f456337b08c9942c1769261a8d3c01a229","size":2858008,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-loongarch64-11.1.3-linux-x64.tar.gz"},{"filename":"qemu-i386-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["i386","i486"],"format":"tar.gz","sha256":"e5a5d83c76186b521f051f5628f687f2ecf72a3082e77d1fd698d9204491e286","size":2839464,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-i386-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-alpha-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["alpha"],"format":"tar.gz","sha256":"aff9ed386cfc6cd6e1a57a965118a2a164bd861cc3597d22744adae3238b0d7f","size":2627905,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-alpha-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-arm-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["arm"],"format":"tar.gz","sha256":"831b987787ea029a6ce22f23b953aa2f82216c1c4e6996e4a27717a7c29b98a2","size":3015353,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-arm-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-armeb-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["armeb"],"format":"tar.gz","sha256":"e57d6a34e334ab354d5d02c4a2868c309cac8013d23abc498eed858e934d7b09","size":3019106,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-armeb-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-sparc-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sparc"],"format":"tar.gz","sha256":"dc78f0713b55ac2714e81d04d724fea9cd45335bda3e7885e4517709537f2ea3","size":2680086,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-sparc-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-sparc32plus-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sparc32plus"],"format":"tar.gz","sha256":"f6db3f0396415d386b0c7956ae188f59c1179d652ede785793513e95edb6272f","size":2712585,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-sparc32plus-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-sparc64-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sparc64"],"format":"tar.gz","sha256":"fcaf317bcf8234a5338d86a152c2504bfafbaf935c2621644b4dfac586e8e8f9","size":2703882,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-sparc64-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-ppc-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["ppc"],"format":"tar.gz","sha256":"fc73b59b9b0036033afc44c85fc36976422caf4ce12ab74aecb2b975b5c046c0","size":2916864,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-ppc-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-ppc64-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["ppc64"],"format":"tar.gz","sha256":"b0ea8918d55cca7cab4fc46689bae7fdeb465a3955750cc71ed05dc77c64fdd6","size":2935874,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-ppc64-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-ppc64le-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["ppc64le"],"format":"tar.gz","sha256":"6b9f7c9628959eb913f1d06561935005d2993553415db366df297c703000404b","size":2931452,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-ppc64le-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-m68k-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["m68k"],"format":"tar.gz","sha256":"70b83d881019e50a3edc043637f95cb63c18b0cdf07bd42a56178ebaee88f9ce","size":2711016,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-m68k-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-mips-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mips"],"format":"tar.gz","sha256":"117f3e5a1e787b91191b29a8fd7fa80993420323f5f530e10aa84efd35290cba","size":2917747,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-mips-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-mipsel-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mipsel"],"format":"tar.gz","sha256":"0dc39c708ccdc3dc9927f101d36762a74fe4b47643f04530cf37c531d8e7067e","size":2918406,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-mipsel-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-mipsn32-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mipsn32"],"format":"tar.gz","sha256":"108403360ba98c7853a8a3ee724f8ad72aeda085848a2ca0e5dd374c21379408","size":2929332,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-mipsn32-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-mipsn32el-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mipsn32el"],"format":"tar.gz","sha256":"0be6d8158fd544de9bfe32486c81efd30b028799401fb3765bd0a7cea4db3db7","size":2930143,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-mipsn32el-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-mips64-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mips64"],"format":"tar.gz","sha256":"0f2f8b1ecaaab1bf5af9d8882b1514e1ed2cfe9a2cc6871f17114173b72e5c44","size":2929940,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-mips64-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-mips64el-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mips64el"],"format":"tar.gz","sha256":"1f81076d2845576113174ccca44373848e1a7ecf4cc568eb29ce00a02388523c","size":2924038,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-mips64el-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-sh4-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sh4"],"format":"tar.gz","sha256":"346e5dc746a917ba44109e3eca2808b714e63060d9c5791d09ee0fa87bbac607","size":2626483,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-sh4-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-sh4eb-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sh4eb"],"format":"tar.gz","sha256":"a8ef5d0776f2e07fb40cb627a1662d8b79faa3984b2be75fd395bf80fc8c62c1","size":2634030,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-sh4eb-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-s390x-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["s390x"],"format":"tar.gz","sha256":"77bdd6ddae6cbb5c5dbc3a2501b8b2e05ce2635412dd45f1a5a310f1cb8f4046","size":2767422,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-s390x-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-aarch64-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["aarch64"],"format":"tar.gz","sha256":"4f3a28076a6e6b1d590056148a486df4cc871a59401308840e2ec08732b9ea90","size":3544748,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-aarch64-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-aarch64_be-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["aarch64_be"],"format":"tar.gz","sha256":"8437ebccd2da1dec5516f0217f6586382b77689a8fe50a564d376b5b6e78f8c2","size":3550122,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-aarch64_be-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-hppa-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["hppa"],"format":"tar.gz","sha256":"a47c72b2c309244efca96f6ab6fd6505684bd45000fd1488d213dc6e9c0944f8","size":2660293,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-hppa-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-riscv32-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["riscv32"],"format":"tar.gz","sha256":"c89c674cd5a57b998cbd3b2b0e43dbe337a8d00919e9e9135c9e47a54351ea6e","size":2897312,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-riscv32-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-riscv64-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["riscv64"],"format":"tar.gz","sha256":"1d93379f99af978b4e130488dbfc77457e655e3093b1b115d551aff954bebf17","size":2906560,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-riscv64-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-xtensa-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["xtensa"],"format":"tar.gz","sha256":"adc65c67a0c137fa9c2f529f466ff2ad4059284031d75ce196cf09ed16a5929e","size":3267624,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-xtensa-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-xtensaeb-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["xtensaeb"],"format":"tar.gz","sha256":"8bd376874a32a34cd1c1466a589924c28fbe6bef36bfa0a19b3e4c306e41b410","size":3252004,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-xtensaeb-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-microblaze-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["microblaze"],"format":"tar.gz","sha256":"60d415eda1403c0acf2deb1dc0634cf58db9272b1be27fe60294c39617261bb6","size":2627475,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-microblaze-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-microblazeel-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["microblazeel"],"format":"tar.gz","sha256":"d3dfc00ff8a26b6851747fc5c022c3532ff2ad5f23bbfb259aadbc2ae7310a81","size":2624786,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-microblazeel-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-or1k-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["or1k"],"format":"tar.gz","sha256":"884ac404ddd7c01b0e6e555089a43dce048a8c613d1327e2744158c875997639","size":2603544,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-or1k-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-x86_64-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["x86_64"],"format":"tar.gz","sha256":"cb1ef2826cf225c4e8ff9b4837ac52106514c28321bc6702a7a1311f0cb0ddde","size":2832844,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-x86_64-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-hexagon-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["hexagon"],"format":"tar.gz","sha256":"dafa0ddf0c1d17cc7a78a3e18e1880479d4bdb303b6ca7c171bf5d9e80e50ad9","size":3059115,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-hexagon-11.1.3-linux-arm64.tar.gz"},{"filename":"qemu-loongarch64-11.1.3-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["loongarch64"],"format":"tar.gz","sha256":"b91824f7d7b0277be1278959514f3dd4e157b68011667f19840c626a9bb34fd6","size":2763805,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-11.1.3/qemu-loongarch64-11.1.3-linux-arm64.tar.gz"}]},{"version":"10.0.13","stable":true,"release_url":"https://metadata.ftp-master.debian.org/changelogs/main/q/qemu/qemu_10.0.13+ds-0+deb13u1_changelog","files":[{"filename":"qemu-user_10.0.13+ds-0+deb13u1_amd64.deb","platform":"linux","arch":"x64","targets":["i386","i486","alpha","arm","armeb","sparc","sparc32plus","sparc64","ppc","ppc64","ppc64le","m68k","mips","mipsel","mipsn32","mipsn32el","mips64","mips64el","sh4","sh4eb","s390x","aarch64","aarch64_be","hppa","riscv32","riscv64","xtensa","xtensaeb","microblaze","microblazeel","or1k","x86_64","hexagon","loongarch64"],"format":"deb","sha256":"ca6ede739327a20ae5a3498230c8a3a9a072c586e131bc6bcc1201eb1725e336","size":71089852,"download_url":"https://deb.debian.org/debian/pool/main/q/qemu/qemu-user_10.0.13+ds-0+deb13u1_amd64.deb","mirror_urls":["https://snapshot.debian.org/archive/debian/20261121T091544Z/pool/main/q/qemu/qemu-user_10.0.13+ds-0+deb13u1_amd64.deb"]},{"filename":"qemu-user_10.0.13+ds-0+deb13u1_arm64.deb","platform":"linux","arch":"arm64","targets":["i386","i486","alpha","arm","armeb","sparc","sparc32plus","sparc64","ppc","ppc64","ppc64le","m68k","mips","mipsel","mipsn32","mipsn32el","mips64","mips64el","sh4","sh4eb","s390x","aarch64","aarch64_be","hppa","riscv32","riscv64","xtensa","xtensaeb","microblaze","microblazeel","or1k","x86_64","hexagon","loongarch64"],"format":"deb","sha256":"c73711af02b97cd5e2667e735d9c06890c57165517110ca4e646c95a7083158d","size":64178608,"download_url":"https://deb.debian.org/debian/pool/main/q/qemu/qemu-user_10.0.13+ds-0+deb13u1_arm64.deb","mirror_urls":["https://snapshot.debian.org/archive/debian/20261121T091544Z/pool/main/q/qemu/qemu-user_10.0.13+ds-0+deb13u1_arm64.deb"]},{"filename":"qemu-i386-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["i386","i486"],"format":"tar.gz","sha256":"50f8f8829a98fb1333ae9434fc16ed5c1d0c1b50b9a62f7111e2222314b7eb0e","size":2983596,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-i386-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-alpha-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["alpha"],"format":"tar.gz","sha256":"f15aa4cd20083ecb0dae3fddabb10c774d0f2af0924c009d0b750a0bf986b840","size":2753549,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-alpha-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-arm-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["arm"],"format":"tar.gz","sha256":"79a2686875a5035aace5c6d4e853121ec55bd7447cd880ef1389492f717f61d4","size":3143815,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-arm-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-armeb-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["armeb"],"format":"tar.gz","sha256":"5866a7dbbfe9c58e93017d1613b8be701dba95af047c6be1326848bec25aa1d2","size":3149476,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-armeb-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-sparc-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sparc"],"format":"tar.gz","sha256":"9b7bba2419dbabe84928220b2637d901d067ee79b0f2ef6145d4a8babd1e89dc","size":2812219,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-sparc-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-sparc32plus-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sparc32plus"],"format":"tar.gz","sha256":"33b75c6c062657627cfc6b0a549670e77e757f705e823f2d827d6142272b211c","size":2841723,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-sparc32plus-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-sparc64-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sparc64"],"format":"tar.gz","sha256":"2dc373ed4820177a22e54858e0c1a48667aaf806e4962c5777a033c568d145db","size":2836235,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-sparc64-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-ppc-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["ppc"],"format":"tar.gz","sha256":"db5357bb2ae9dd3cb9bbb6bdcd8e0105e434254eb47ea7555743923094beb34d","size":3050770,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-ppc-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-ppc64-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["ppc64"],"format":"tar.gz","sha256":"a6ed45c1161c145097fe26450b044a852aa9a5aca790f3493eb7db065d42c33b","size":3066620,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-ppc64-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-ppc64le-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["ppc64le"],"format":"tar.gz","sha256":"abb0d7017f779864518609b332d99f2b2a79d01fea97a6f0b68d57effc1ea83c","size":3064519,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-ppc64le-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-m68k-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["m68k"],"format":"tar.gz","sha256":"73ecd0d49d6f600ea9a9248340827b8277aea63cfc4778ee77d5c879c5468a02","size":2846557,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-m68k-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-mips-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mips"],"format":"tar.gz","sha256":"e5c2dc1f698cdca4ac17546bdddc3294f97de23084c5d283be077f9d857ba9d7","size":3027719,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-mips-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-mipsel-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mipsel"],"format":"tar.gz","sha256":"c381f63c9163b0527d24ca4dc789fb7510ee5e18efdd0d49584ed36e8829f560","size":3023652,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-mipsel-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-mipsn32-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mipsn32"],"format":"tar.gz","sha256":"697671520c3fd20fcccb56e725b30890cb2dc4abf7d6c2bc8ba8f76d6a6ef082","size":3032746,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-mipsn32-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-mipsn32el-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mipsn32el"],"format":"tar.gz","sha256":"07a5752fdd0d6dded91505fbdd781b8c96fc85ee3f70c397101d998a58a5c707","size":3026424,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-mipsn32el-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-mips64-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mips64"],"format":"tar.gz","sha256":"a1505808f988a6f2123f573b13403a4c1eda42ce551df6728fcd10bac783f3ce","size":3027640,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-mips64-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-mips64el-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mips64el"],"format":"tar.gz","sha256":"f211f14bca3c1b86d3a4a40fc484f856f58da7639e07ebf8dfd812efa9258a0c","size":3024070,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-mips64el-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-sh4-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sh4"],"format":"tar.gz","sha256":"d2c58227ffaee94cddcf5a5800f6fc50e27f70327e83009cb26b3dfce77f93f3","size":2757455,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-sh4-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-sh4eb-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sh4eb"],"format":"tar.gz","sha256":"ca7260cdad8bcb35e0f7614dbdfa82de3f212cdcea8b6232e9dd36e4f68ad49d","size":2759292,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-sh4eb-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-s390x-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["s390x"],"format":"tar.gz","sha256":"9ce89d9ff90c1c90c95de5dcb4155853b0177ca29cc3df9c40773cc994cc88bc","size":2899503,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-s390x-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-aarch64-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["aarch64"],"format":"tar.gz","sha256":"d8b9e8d938d183f2d4ec4d6615b618f4981bab1b55f4d1b190b20cdee022c934","size":3548558,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-aarch64-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-aarch64_be-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["aarch64_be"],"format":"tar.gz","sha256":"5abad2e99ed06054f028741b898f10ba6277fb36691f53f65e750e7417a4112a","size":3552920,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-aarch64_be-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-hppa-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["hppa"],"format":"tar.gz","sha256":"47787da3673ab868a0866c2acf47bcea7d68db78852151ba97e745d60002d6d3","size":2789709,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-hppa-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-riscv32-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["riscv32"],"format":"tar.gz","sha256":"d41e9eb19198d431c86cc1784274d30c53a9371d283491896f9e4f364f64bdf2","size":3015356,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-riscv32-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-riscv64-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["riscv64"],"format":"tar.gz","sha256":"ab0f53f00cbbf1537c1de735fe9afc067b79a3f12725b358c0f2f6e27bc5d6f9","size":3032299,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-riscv64-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-xtensa-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["xtensa"],"format":"tar.gz","sha256":"a741d14905b736f876fe786bf898c7e10572d9873826c4168902dba245de8acc","size":3418339,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-xtensa-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-xtensaeb-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["xtensaeb"],"format":"tar.gz","sha256":"da8d41828675a4c78512df44e2a60859b074b696f0d2cc981219d29b8069138b","size":3398857,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-xtensaeb-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-microblaze-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["microblaze"],"format":"tar.gz","sha256":"bd0f2db7597a71d21a1cce1a04e21ebf03ef073bbce3d8d5f27f97f33b117731","size":2755775,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-microblaze-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-microblazeel-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["microblazeel"],"format":"tar.gz","sha256":"fb0981a115e2c65c4f41b416fb6543d73f8d9243963fcf656fcdf76bbf18327d","size":2752138,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-microblazeel-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-or1k-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["or1k"],"format":"tar.gz","sha256":"462b5fec1292e1fb7c8d9357a3b14af6e7e6429927a09af7dcc0908c5b51ce31","size":2734911,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-or1k-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-x86_64-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["x86_64"],"format":"tar.gz","sha256":"0d7a50630f3d8cf656d0e9ee64400649015f17bd7a823d45dd5ee798f15dfd16","size":2977430,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-x86_64-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-hexagon-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["hexagon"],"format":"tar.gz","sha256":"d3c4ff1e06d892258d8c131c605c142bb573f8652f53662ad898072b211e19b4","size":3237121,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-hexagon-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-loongarch64-10.0.13-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["loongarch64"],"format":"tar.gz","sha256":"a39032fbb3eec55b9fd50fdbe4f6e12d5cddab2544e2c3923f2abd96989cd1b7","size":2891166,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-loongarch64-10.0.13-linux-x64.tar.gz"},{"filename":"qemu-i386-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["i386","i486"],"format":"tar.gz","sha256":"e88a0e8e184d4e2417d73d41c9e1beda66b8c3eb91c9aa0168b24d5838cae4ef","size":2873364,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-i386-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-alpha-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["alpha"],"format":"tar.gz","sha256":"73bb47832457487ced53698ebc85f867f1a463ce92bf45424a9bd8c4c8ddc923","size":2659303,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-alpha-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-arm-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["arm"],"format":"tar.gz","sha256":"d9c458af5d50b7f1a20188152c9ef80e84d8316013eb638cd1e26aa8522c1551","size":3051627,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-arm-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-armeb-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["armeb"],"format":"tar.gz","sha256":"31fd52863b2e69c639802dda1ccaa32061ada85c6e26238dd39b888af425dce3","size":3054717,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-armeb-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-sparc-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sparc"],"format":"tar.gz","sha256":"cf47ace53d33629ef5a60e80fb019b5c459fd0bdb2489db0154ded3a381a0890","size":2715096,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-sparc-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-sparc32plus-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sparc32plus"],"format":"tar.gz","sha256":"48359fb97038a2cda01dc1ca8c88df16a0384c0c60532db79bbf3c58674664f7","size":2741165,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-sparc32plus-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-sparc64-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sparc64"],"format":"tar.gz","sha256":"cdde3fbae012112ffa89358b0062f9024ee8c01bf6de227659a20303ef7412b1","size":2743584,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-sparc64-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-ppc-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["ppc"],"format":"tar.gz","sha256":"101ad9ce471eaf8f0c758b3040578a96cc37c936a69fa98438e11d54d7f7867a","size":2947372,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-ppc-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-ppc64-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["ppc64"],"format":"tar.gz","sha256":"ddb4fc21f7a17cb08a6b668cd71078f8a7bca0e8886f887a1250d76b52bee3fe","size":2959900,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-ppc64-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-ppc64le-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["ppc64le"],"format":"tar.gz","sha256":"2183039252e20cbe5ca632154f7611d86ac08e0d0433538ce095eba4b9665539","size":2956346,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-ppc64le-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-m68k-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["m68k"],"format":"tar.gz","sha256":"d84ecc8b2472e8147d911f088d90e2b44fdac888eb3c46c359e6dce547b1b968","size":2745770,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-m68k-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-mips-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mips"],"format":"tar.gz","sha256":"6550e8b54ac2e249a269c88b428df6e33d62911777969ab5913da18900ffd207","size":2906150,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-mips-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-mipsel-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mipsel"],"format":"tar.gz","sha256":"bd1d2ec55f5c16c15d2007f184201707bb2ff886ebcc3dfb84f95c68b60e040b","size":2900585,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-mipsel-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-mipsn32-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mipsn32"],"format":"tar.gz","sha256":"866448da4e285178b6f1fffff1cdc404bdcec1c28a9be1d2494aaa3d4fb6673e","size":2912412,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-mipsn32-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-mipsn32el-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mipsn32el"],"format":"tar.gz","sha256":"a1f86c757a38e5014fd1c4f7d1565d05f320451d9eacee085e18aeea280bf466","size":2904620,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-mipsn32el-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-mips64-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mips64"],"format":"tar.gz","sha256":"cd8805e0c5b47fccad6ed786b9e39b8fafec00d26e6e993fb56515831e9f32f4","size":2906029,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-mips64-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-mips64el-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mips64el"],"format":"tar.gz","sha256":"4b25c655855ea4ce94ddc3d54838bf0fb4e82bdacc21ddeb4b863eabb0cd4205","size":2902227,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-mips64el-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-sh4-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sh4"],"format":"tar.gz","sha256":"fcfce53e6796a75820cd11bf0afc49a97bbdb6aa835645a024246ab24665fde8","size":2663413,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-sh4-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-sh4eb-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sh4eb"],"format":"tar.gz","sha256":"c02f1f7f5e5b2e768e698e0e1aac2cac893cbe93ff262e4562b18b7577261252","size":2666433,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-sh4eb-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-s390x-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["s390x"],"format":"tar.gz","sha256":"b52dd0894b6fea82fb15cdfb5796756e3f6b85f97a8b49a4e139880b03f9f3e5","size":2796539,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-s390x-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-aarch64-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["aarch64"],"format":"tar.gz","sha256":"509e01c103c275e126f75c4b840b559fd1a600406b0a5939f1f0e674b43b6ab6","size":3450155,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-aarch64-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-aarch64_be-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["aarch64_be"],"format":"tar.gz","sha256":"d3d9ad49a896deafd777c91cfba7928373e5ad3201a56144413bd81a3db5d291","size":3452650,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-aarch64_be-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-hppa-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["hppa"],"format":"tar.gz","sha256":"7a6e39f401dc7045eaaa86f8dbb15fc9b57dc57e81730ce16f4be953ea027813","size":2689261,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-hppa-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-riscv32-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["riscv32"],"format":"tar.gz","sha256":"74d00ee6865b228f52cd8dfe556bd888f45921a33ab523bb5084a9042091cc81","size":2917530,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-riscv32-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-riscv64-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["riscv64"],"format":"tar.gz","sha256":"48e61a87392e91cba2ec06631687893c440e9a37a00feab1d8ee8d70d85ab239","size":2930641,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-riscv64-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-xtensa-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["xtensa"],"format":"tar.gz","sha256":"08bf53c6223bd57a265cd070335ae11ba156701936818372a740bcab8d832cb7","size":3301540,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-xtensa-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-xtensaeb-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["xtensaeb"],"format":"tar.gz","sha256":"e0510af0143308bdd8795517e02731f6b08c23d9e86e5ed63584ac862fa6b88b","size":3291169,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-xtensaeb-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-microblaze-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["microblaze"],"format":"tar.gz","sha256":"fe03ad914bb87c12c0d52e6e26df4576cfff072536b5aa9b7dae54f04a6a6e8d","size":2659916,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-microblaze-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-microblazeel-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["microblazeel"],"format":"tar.gz","sha256":"cafc24a9aceb0f174706f1db1adbd846ecedf7842e5c72a91067697d0a1e63bf","size":2656245,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-microblazeel-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-or1k-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["or1k"],"format":"tar.gz","sha256":"b7bc32b10bf4a746d0e7e595aa11f28ce16eba31fa9e9c2ec3f7f04bf9040e49","size":2638897,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-or1k-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-x86_64-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["x86_64"],"format":"tar.gz","sha256":"963c2909bd5ef44d7064a3ba60cbb51c57281b1fb0fb0a0ea17a95bb530d7c80","size":2865960,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-x86_64-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-hexagon-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["hexagon"],"format":"tar.gz","sha256":"58e12265b5e3b36b2c77fcfdcc34eef328a1b0183be814905aecb13b413ac276","size":3079415,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-hexagon-10.0.13-linux-arm64.tar.gz"},{"filename":"qemu-loongarch64-10.0.13-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["loongarch64"],"format":"tar.gz","sha256":"96a98105adb2325121c7d56eba7d79154e4b8dd0ddc59a712cbad5e34d822e1a","size":2797307,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-10.0.13/qemu-loongarch64-10.0.13-linux-arm64.tar.gz"}]},{"version":"7.2.22","stable":true,"release_url":"https://metadata.ftp-master.debian.org/changelogs/main/q/qemu/qemu_7.2+dfsg-7+deb12u18+b3_changelog","files":[{"filename":"qemu-user-static_7.2+dfsg-7+deb12u18+b3_amd64.deb","platform":"linux","arch":"x64","targets":["i386","i486","alpha","arm","armeb","sparc","sparc32plus","sparc64","ppc","ppc64","ppc64le","m68k","mips","mipsel","mipsn32","mipsn32el","mips64","mips64el","sh4","sh4eb","s390x","aarch64","aarch64_be","hppa","riscv32","riscv64","xtensa","xtensaeb","microblaze","microblazeel","or1k","x86_64","hexagon","loongarch64"],"format":"deb","sha256":"c3e3ba2bd87f8c5b9a5da5ef21b5a3b82d7c63b89dd448d9ddaa4eabc5b6e402","size":62603724,"download_url":"https://deb.debian.org/debian/pool/main/q/qemu/qemu-user-static_7.2+dfsg-7+deb12u18+b3_amd64.deb","mirror_urls":["https://snapshot.debian.org/archive/debian/20260711T101637Z/pool/main/q/qemu/qemu-user-static_7.2+dfsg-7+deb12u18+b3_amd64.deb"]},{"filename":"qemu-user-static_7.2+dfsg-7+deb12u18+b3_arm64.deb","platform":"linux","arch":"arm64","targets":["i386","i486","alpha","arm","armeb","sparc","sparc32plus","sparc64","ppc","ppc64","ppc64le","m68k","mips","mipsel","mipsn32","mipsn32el","mips64","mips64el","sh4","sh4eb","s390x","aarch64","aarch64_be","hppa","riscv32","riscv64","xtensa","xtensaeb","microblaze","microblazeel","or1k","x86_64","hexagon","loongarch64"],"format":"deb","sha256":"e420c417c12b42ca774795b62888d5388da0e08c1ef263dea1490e5ce4e32a0b","size":56490396,"download_url":"https://deb.debian.org/debian/pool/main/q/qemu/qemu-user-static_7.2+dfsg-7+deb12u18+b3_arm64.deb","mirror_urls":["https://snapshot.debian.org/archive/debian/20260711T101637Z/pool/main/q/qemu/qemu-user-static_7.2+dfsg-7+deb12u18+b3_arm64.deb"]},{"filename":"qemu-i386-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["i386","i486"],"format":"tar.gz","sha256":"291a0255ffb0b10d336f88774842624f4be7a1c0369b94ae418c2b4a2eebb315","size":2488959,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-i386-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-alpha-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["alpha"],"format":"tar.gz","sha256":"08cdcc41cad8bd7e0e00f314a2826e17f22ddb7f2b1e4aa857f84cfab0924744","size":2264831,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-alpha-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-arm-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["arm"],"format":"tar.gz","sha256":"1293edcd03c0cb1dc0f760130e803ab00722908066b6586e82d7b7dcf3a9c49d","size":2648797,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-arm-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-armeb-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["armeb"],"format":"tar.gz","sha256":"f7b460e8062b0be5e2789f8c5412a9c25c0f20eedfeceba0641d60909a17638e","size":2651907,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-armeb-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-sparc-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sparc"],"format":"tar.gz","sha256":"81cf3df807303e97800e807498a3f4842ba1261d5f9506c73b118a1bc21ef56f","size":2325002,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-sparc-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-sparc32plus-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sparc32plus"],"format":"tar.gz","sha256":"d04a8316df6b1d2d70e79b9dd621debde9e1993ec9c300648ef6c16744f7b826","size":2344802,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-sparc32plus-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-sparc64-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sparc64"],"format":"tar.gz","sha256":"221838141998474542b0d0799a09d59378465bb9bb92a8678f0069367376f549","size":2342467,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-sparc64-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-ppc-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["ppc"],"format":"tar.gz","sha256":"6cceccf8b6cc805e137c6e27b77bf61cc2751efdcf9336bcc58b277234d12846","size":2555625,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-ppc-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-ppc64-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["ppc64"],"format":"tar.gz","sha256":"2d749a73b8e0e30878b5993ffcaa1e118eeddf5bee4a824ed51f0e441c8a4ef7","size":2579734,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-ppc64-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-ppc64le-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["ppc64le"],"format":"tar.gz","sha256":"7cbc8d73a5a59707cbf60fe173ee6d702864cccde659e706b509fdef6b813c5a","size":2579397,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-ppc64le-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-m68k-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["m68k"],"format":"tar.gz","sha256":"86d3a8bc19b3c1f694c9e035a9d88bbb63179d6cec5dd9500cbd995c2e797dfc","size":2364905,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-m68k-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-mips-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mips"],"format":"tar.gz","sha256":"a57e459e43b65c9980efa1835a4ed1b3fea34e3f6b929c4878879f516a2cc9f6","size":2533633,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-mips-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-mipsel-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mipsel"],"format":"tar.gz","sha256":"e25b55bdd340557a4d5fadc075e870f3950a6bd27581faf6aef8a84b37add7c1","size":2529741,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-mipsel-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-mipsn32-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mipsn32"],"format":"tar.gz","sha256":"6c69d1ef6f266db1304ebb03ab3ccd1bf95bde462571f54dab2ae89f52ffb5a4","size":2547591,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-mipsn32-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-mipsn32el-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mipsn32el"],"format":"tar.gz","sha256":"b8d8b6a371540b1c4a5662591e3dad5191fe1bf23e0bfe29bf716a000c18576e","size":2541805,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-mipsn32el-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-mips64-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mips64"],"format":"tar.gz","sha256":"50df1867019fb97ea3f097f707f72664fe81723a6d873b180c276905fe30c090","size":2546839,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-mips64-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-mips64el-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["mips64el"],"format":"tar.gz","sha256":"bbd47df9cdf36eb477b1afe0b5434896ad621b6c1ed95ca669f5b1eaa4aea105","size":2542747,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-mips64el-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-sh4-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sh4"],"format":"tar.gz","sha256":"ac9613843f64c5157b86f39a0aca8cde65d9fc7853a39974d54e78a7796077b2","size":2271784,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-sh4-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-sh4eb-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["sh4eb"],"format":"tar.gz","sha256":"f201c6a06bccdc195525dc9ea64609e029ce743e55892eb3638483cfe810525c","size":2279842,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-sh4eb-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-s390x-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["s390x"],"format":"tar.gz","sha256":"e0e0b6821e8aee02803a1fde16d6c42dc89dbf413ac2df6b8637199dc751c775","size":2403314,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-s390x-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-aarch64-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["aarch64"],"format":"tar.gz","sha256":"6b7d435e88646dfe6071b7bdac9ce7c8a9c31c6692b612de51116665b2d7436e","size":3020178,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-aarch64-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-aarch64_be-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["aarch64_be"],"format":"tar.gz","sha256":"e9ee571779d9979448d41bc9d4ab0722fb1d2adf0348f2c4d3e2a03e939fd366","size":3020620,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-aarch64_be-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-hppa-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["hppa"],"format":"tar.gz","sha256":"318f631a07fe46a6f8ac1562305c1df488cf74cde3b72cc4dab40bf40c32c514","size":2295360,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-hppa-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-riscv32-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["riscv32"],"format":"tar.gz","sha256":"c8220806288988c7b4e845eeed52446fb278124211b768ef02eedb01ec710c5b","size":2480386,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-riscv32-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-riscv64-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["riscv64"],"format":"tar.gz","sha256":"3bb01c8191ef572d9f2c18feb2bb00039e74fee7b1474142dd07330b6801f247","size":2488911,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-riscv64-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-xtensa-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["xtensa"],"format":"tar.gz","sha256":"2b5b92b558d31053e1c2b7d8f9409ba831cc912fc14c3ed5e07095565b009a29","size":2921833,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-xtensa-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-xtensaeb-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["xtensaeb"],"format":"tar.gz","sha256":"c207d4939566eed8754afb562857895aa400249ba14cd0d6c0a86033bcc2b44b","size":2904405,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-xtensaeb-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-microblaze-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["microblaze"],"format":"tar.gz","sha256":"dde587bb2aa67f718408a45ba7c3538e8cbe2337e326d3667e9091fe8e5c81e9","size":2270712,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-microblaze-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-microblazeel-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["microblazeel"],"format":"tar.gz","sha256":"3071fdb994c9b20e771da5f4e3858018829741eaad3119d7a0ec774693045f68","size":2268628,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-microblazeel-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-or1k-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["or1k"],"format":"tar.gz","sha256":"f7ddb42481f0c2e78d727f415305ecfde50ae8d78579c545acb7502eba6bfda3","size":2249289,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-or1k-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-x86_64-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["x86_64"],"format":"tar.gz","sha256":"38a3fd7bbf1d34abf46da087f109ce7227882b6b0263a0616eb614c673288c4f","size":2480128,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-x86_64-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-hexagon-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["hexagon"],"format":"tar.gz","sha256":"b7098644d05990b5d90e2c75f3b490512309737c38fdf28b7a2c8603a26cfbf9","size":2776739,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-hexagon-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-loongarch64-7.2.22-linux-x64.tar.gz","platform":"linux","arch":"x64","targets":["loongarch64"],"format":"tar.gz","sha256":"8f93a8268e25d6d484956675eb83a9864d510323679180ae46f2b37ef674019f","size":2265519,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-loongarch64-7.2.22-linux-x64.tar.gz"},{"filename":"qemu-i386-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["i386","i486"],"format":"tar.gz","sha256":"3e70a4445207b2fcdf3a1fe2734d27c16d4a1438a7d700aa79e52254e66fdf53","size":2397243,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-i386-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-alpha-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["alpha"],"format":"tar.gz","sha256":"7069dba209f9a4d803f937b3c2c1db8b3cdba125720c3f6393d823ebf576632b","size":2189539,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-alpha-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-arm-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["arm"],"format":"tar.gz","sha256":"ea16d7c911fd0a67ef624077e365241378e34573563bbef27f22df721716400b","size":2565887,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-arm-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-armeb-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["armeb"],"format":"tar.gz","sha256":"0bc1936f5a8ad981b063552adf47011cefb1f94fca7ee00af593adb170786e5f","size":2570533,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-armeb-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-sparc-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sparc"],"format":"tar.gz","sha256":"a83bf4a4a8739c002145c45e4a3bfc0254a9bcd284e15a8c78276988eb28f275","size":2239380,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-sparc-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-sparc32plus-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sparc32plus"],"format":"tar.gz","sha256":"7c9e318fcca1a1c3f0a77f03135a415059d6aef8a5b4ecf311bd4e830b921f8b","size":2261725,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-sparc32plus-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-sparc64-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sparc64"],"format":"tar.gz","sha256":"510369dcb44e74f93d33b29d7ee9159604755264a72e4fba1f532feb77ea4fae","size":2259487,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-sparc64-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-ppc-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["ppc"],"format":"tar.gz","sha256":"e4905b98cc95b9d2c6e26b1c102a3b4adcae610d80f68b7918f2637a76fe32dc","size":2477904,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-ppc-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-ppc64-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["ppc64"],"format":"tar.gz","sha256":"c0247864600f7a60e73b9c76da2bf3f752082cae1ce1c3e5da4687798648b68b","size":2504381,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-ppc64-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-ppc64le-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["ppc64le"],"format":"tar.gz","sha256":"2c5d4def4958608e56c1081881ef99e44de0906bb634c666cd6a95f7fd70ec50","size":2495353,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-ppc64le-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-m68k-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["m68k"],"format":"tar.gz","sha256":"231d9e99c23490d833f6818560479bdaa1e0ffffd478b2396cb783fe26d2a671","size":2281622,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-m68k-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-mips-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mips"],"format":"tar.gz","sha256":"d569f541e11e3229c39bd07169ce38d742eaf92b22c4ee32d22405b0c682d53c","size":2433632,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-mips-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-mipsel-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mipsel"],"format":"tar.gz","sha256":"ad3fff9ac26671e9ac5ca3dd8367f199bebf45b92e376bb8b1a153270f18b4b1","size":2428751,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-mipsel-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-mipsn32-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mipsn32"],"format":"tar.gz","sha256":"44fd77233e1b79c6408e8298efbd053ec6e9cd2131ad75d2102b9f1741d4bdad","size":2450223,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-mipsn32-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-mipsn32el-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mipsn32el"],"format":"tar.gz","sha256":"239fc473af1c6f36299c30fe22fd50242eac1d11e80bcc4505f5c4adf7473733","size":2446191,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-mipsn32el-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-mips64-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mips64"],"format":"tar.gz","sha256":"a20f1dd4d6d35d59d3e8ac1ffcfa258d7adc949547e6718802d8f125b9218ba2","size":2445681,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-mips64-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-mips64el-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["mips64el"],"format":"tar.gz","sha256":"0f2c5f84cb414c04371045b6e1881d0449f7805b993b628bad731f4df4142f4b","size":2441592,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-mips64el-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-sh4-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sh4"],"format":"tar.gz","sha256":"d22ac3d9a2caf1be428accd8b8fc5dd57455dcc2694f29be4b8b1a86a4927a09","size":2189158,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-sh4-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-sh4eb-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["sh4eb"],"format":"tar.gz","sha256":"491ada4153d120f9fb2ab243f00dd6b077fcf7de6abb7d5aa9b68d07ab38aaab","size":2197428,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-sh4eb-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-s390x-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["s390x"],"format":"tar.gz","sha256":"754b8c82daea03c07dbb715f84883bd582c9271132315e2884216f9c830715a9","size":2325602,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-s390x-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-aarch64-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["aarch64"],"format":"tar.gz","sha256":"348af116c18602d170533dcd6447d508861b0306112449e2b23872a6b42f9298","size":2942489,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-aarch64-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-aarch64_be-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["aarch64_be"],"format":"tar.gz","sha256":"ab735c4b27e90fd0349016bdd97de61393b87d28900dc244ac8a98f723a11c8e","size":2947833,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-aarch64_be-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-hppa-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["hppa"],"format":"tar.gz","sha256":"9280eb0c6f5ec36177445a5ab1073aa72e1c1e6f6c884040d1ecf0cbc9ee6060","size":2211485,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-hppa-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-riscv32-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["riscv32"],"format":"tar.gz","sha256":"34904d5c8fa13a6367bb3b7d60a68c5e87e6711ca23e222a586347ba0683bfd7","size":2388784,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-riscv32-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-riscv64-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["riscv64"],"format":"tar.gz","sha256":"aa7148ff32b61d9a5cafdd392ce62181d70729c923ecf889c851a42b1977ee1f","size":2401069,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-riscv64-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-xtensa-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["xtensa"],"format":"tar.gz","sha256":"4b0c6fb87a775edc8af3085a0a66501f29719944181371863422ef335f584c68","size":2801509,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-xtensa-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-xtensaeb-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["xtensaeb"],"format":"tar.gz","sha256":"9de3dd76c2697ae5e03cd462c660a8a142dd48bb4445e456179a59c63396d6a0","size":2787984,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-xtensaeb-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-microblaze-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["microblaze"],"format":"tar.gz","sha256":"7738c65b525c18e7e18c074097ddb34f1b4e8832551374d96676baa062d0d50e","size":2191626,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-microblaze-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-microblazeel-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["microblazeel"],"format":"tar.gz","sha256":"2213ea17be497230fb88216245b14007e4491b00b2e1a1f19cdca43d5ef769e8","size":2190232,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-microblazeel-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-or1k-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["or1k"],"format":"tar.gz","sha256":"05ef536e227fddd1ee4ff61abfe211f2db2a643c78e9841f647001d739d0da64","size":2168220,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-or1k-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-x86_64-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["x86_64"],"format":"tar.gz","sha256":"0b4814ea9dc6df0b104d634e64048006401557c9785e2cd52128da3a448d0646","size":2383766,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-x86_64-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-hexagon-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["hexagon"],"format":"tar.gz","sha256":"ffc6395ed50668329bd9324cd7dc8ab1c7631c7796af6db14c3918913ae3079a","size":2650572,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-hexagon-7.2.22-linux-arm64.tar.gz"},{"filename":"qemu-loongarch64-7.2.22-linux-arm64.tar.gz","platform":"linux","arch":"arm64","targets":["loongarch64"],"format":"tar.gz","sha256":"2e16794b158967d630da967bdccd884a33b5d734f28a05e57c2d14c43bbb154c","size":2187253,"download_url":"https://github.com/setup-binfmt/setup-binfmt/releases/download/qemu-7.2.22/qemu-loongarch64-7.2.22-linux-arm64.tar.gz"}]}]');
;// CONCATENATED MODULE: ./src/qemu/builtin-manifest.ts
// The manifest shipped inside the action, kept as data: `npm run package-qemu:manifest` writes
// builtin-manifest.json; its snapshot mirror URLs name the Debian Release it was taken from.

const DEFAULT_MANIFEST = builtin_manifest_namespaceObject;

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/qemu/manifest.ts
// The versions manifest: which QEMU builds exist, for which hosts and targets, where to get
// them and their SHA-256. Pure: parsing, choosing a version, choosing files, resolving URLs.


const FORMATS = ['tar.gz', 'tar.xz', 'deb', 'bin'];
/** Parse and check a manifest; every problem names where it is and what was expected. */
function parseManifest(text, where) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`Manifest ${where} is not valid JSON: ${e.message}`, { cause: e });
    }
    const fail = (path, expected) => {
        throw new Error(`Manifest ${where}: ${path} must be ${expected}`);
    };
    if (!Array.isArray(data) || data.length === 0)
        fail('the top level', 'a non-empty array of releases');
    const releases = data;
    releases.forEach((r, i) => {
        const at = `[${i}]`;
        if (!isObject(r))
            return fail(at, 'an object');
        if (typeof r.version !== 'string' || !semver_default().valid(r.version))
            fail(`${at}.version`, 'a version like 10.0.13');
        if (typeof r.stable !== 'boolean')
            fail(`${at}.stable`, 'true or false');
        if (r.release_url !== undefined && typeof r.release_url !== 'string')
            fail(`${at}.release_url`, 'a string');
        if (typeof r.release_url === 'string' && manifest_CONTROL.test(r.release_url))
            fail(`${at}.release_url`, 'free of control characters such as newlines');
        if (!Array.isArray(r.files))
            return fail(`${at}.files`, 'an array');
        r.files.forEach((f, j) => checkFile(f, `${at}.files[${j}]`, fail));
    });
    return releases;
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Controls in a manifest string could forge log lines or workflow commands: refuse them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const manifest_CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;
function checkFile(f, at, fail) {
    if (!isObject(f))
        return fail(at, 'an object');
    for (const [key, value] of Object.entries(f)) {
        const strings = Array.isArray(value) ? value : [value];
        if (strings.some(v => typeof v === 'string' && manifest_CONTROL.test(v)))
            fail(`${at}.${key}`, 'free of control characters such as newlines');
    }
    const str = (key) => typeof f[key] === 'string' && f[key].length > 0;
    if (!str('filename') || /[/\\]/.test(f.filename) || f.filename === '..') {
        fail(`${at}.filename`, 'a file name without slashes');
    }
    if (!str('platform'))
        fail(`${at}.platform`, 'a string such as linux');
    if (!str('arch'))
        fail(`${at}.arch`, 'a host architecture such as x64 or arm64');
    if (!FORMATS.includes(f.format))
        fail(`${at}.format`, `one of ${FORMATS.join(', ')}`);
    if (typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(f.sha256)) {
        fail(`${at}.sha256`, '64 hexadecimal digits (a SHA-256 digest)');
    }
    if (f.size !== undefined && (!Number.isInteger(f.size) || f.size < 0)) {
        fail(`${at}.size`, 'a whole number of bytes');
    }
    if (!str('download_url'))
        fail(`${at}.download_url`, 'a URL or a path relative to the manifest');
    if (f.mirror_urls !== undefined &&
        (!Array.isArray(f.mirror_urls) || !f.mirror_urls.every(u => typeof u === 'string'))) {
        fail(`${at}.mirror_urls`, 'an array of URLs');
    }
    const targets = f.targets;
    if (!Array.isArray(targets) || targets.length === 0)
        return fail(`${at}.targets`, 'a non-empty array of QEMU target names');
    const unknown = targets.filter(t => typeof t !== 'string' || !TARGETS.has(t));
    if (unknown.length > 0)
        fail(`${at}.targets`, `QEMU target names (unknown: ${unknown.map(String).join(', ')})`);
    if (f.format === 'bin' && targets.length !== 1)
        fail(`${at}.targets`, 'exactly one target for format bin');
}
/**
 * The manifest's release has no file this host can use for some target, or none that could be
 * downloaded: `source: auto` may then turn to the distribution package.
 */
class FilesUnavailable extends Error {
}
/** The release for an exact version or a range; without one, the newest stable release. */
function selectRelease(manifest, spec) {
    const versions = manifest.map(r => r.version);
    // semver ignores build metadata, so 10.0.13 would match 10.0.13+patched: prefer the exact one.
    const exact = spec && semver_default().valid(spec) ? manifest.find(r => r.version === spec.trim()) : undefined;
    if (exact)
        return exact;
    const candidates = spec ? manifest : manifest.filter(r => r.stable);
    const best = semver_default().maxSatisfying(candidates.map(r => r.version), spec || '*');
    const release = manifest.find(r => r.version === best);
    if (!release) {
        throw new Error(spec
            ? `qemu-version '${spec}' matches no version in the manifest (it has ${versions.join(', ')})`
            : `The manifest has no stable version (it has ${versions.join(', ')}): set qemu-version`);
    }
    return release;
}
/**
 * The files for this host that cover `targets`, favouring the smallest download per target:
 * a per-target file beats a whole package that holds it too. Files named in `excluded` (ones
 * that could not be had) are passed over.
 */
function pickFiles(release, arch, targets, excluded = new Set()) {
    const forHost = release.files.filter(f => f.platform === 'linux' && f.arch === arch);
    if (forHost.length === 0) {
        const arches = [...new Set(release.files.map(f => f.arch))];
        throw new FilesUnavailable(`QEMU ${release.version} in the manifest has no files for ${arch} hosts (only ${arches.join(', ') || 'none'}): ` +
            `use another qemu-version, source: package, or a manifest with ${arch} builds`);
    }
    const cost = (f) => f.size ?? f.targets.length * 1e9;
    const chosen = [];
    const missing = [];
    for (const t of targets) {
        if (chosen.some(f => f.targets.includes(t)))
            continue;
        const best = forHost
            .filter(f => f.targets.includes(t) && !excluded.has(f.filename))
            .sort((a, b) => cost(a) - cost(b))[0];
        if (best)
            chosen.push(best);
        else
            missing.push(t);
    }
    if (missing.length > 0) {
        throw new FilesUnavailable(`QEMU ${release.version} in the manifest has no ${arch} interpreter for ${missing.join(', ')}`);
    }
    return chosen;
}
const FILE_SCHEMES = {
    local: ['https:', 'http:', 'file:'],
    https: ['https:', 'http:'],
    http: ['https:']
};
function allowed(use) {
    if (use.of === 'manifest')
        return use.redirect ? ['https:'] : ['https:', 'http:'];
    const schemes = FILE_SCHEMES[use.trust];
    return use.redirect ? schemes.filter(s => s !== 'file:') : schemes;
}
/** Why `scheme` is refused for `use`, and the fix. */
function refusal(scheme, use) {
    if (!['https:', 'http:', 'file:'].includes(scheme))
        return 'only https, http and file URLs are read: use an https URL';
    if (scheme === 'file:') {
        if (use.redirect)
            return 'a redirect never leads to a local file: redirect to an https URL';
        if (use.of === 'manifest')
            return 'a manifest URL is fetched over the network: give a local manifest as a path';
        return ('only a local manifest may name local files (a remote one could read any file here): ' +
            'use an https URL, or a local manifest');
    }
    if (use.of === 'manifest')
        return ('a manifest is not pinned, so a redirect to plain http would let anyone on the path ' +
            'rewrite its SHA-256 pins: redirect to https, or name the http URL itself as manifest (warned)');
    return ('the manifest came over plain http, so anyone on the path could have rewritten its SHA-256 ' +
        'pins and only https vouches for the file: use an https URL, or serve the manifest over ' +
        'https or as a local file');
}
/**
 * The one rule for every URL this project fetches (see UrlUse and ManifestTrust). Scheme case
 * does not matter (URL parsing lower-cases it). Returns the normalised URL, or throws naming
 * the URL, its scheme, why it is refused and the fix.
 */
function checkUrl(url, use, what) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new Error(`${what} '${url}' is not a valid URL: use an absolute https URL`);
    }
    if (!allowed(use).includes(parsed.protocol)) {
        throw new Error(`${what} '${url}' uses ${parsed.protocol.slice(0, -1)}, but ${refusal(parsed.protocol, use)}`);
    }
    return parsed.href;
}
/** The trust of a manifest named by `location` (its redirects are https): see ManifestTrust. */
function trustOf(location) {
    if (!isUrl(location))
        return 'local';
    return new URL(location).protocol === 'https:' ? 'https' : 'http';
}
/** True when `location` has a URL scheme (otherwise it is a local path). */
const isUrl = (location) => /^[a-z][a-z0-9+.-]*:/i.test(location);
/**
 * download_url first, then mirror_urls, each resolved against the manifest's location and
 * checked against what the manifest's trust allows.
 */
function fileUrls(file, manifestLocation, trust = trustOf(manifestLocation)) {
    return [file.download_url, ...(file.mirror_urls ?? [])].map(u => checkUrl(resolveUrl(u, manifestLocation), { of: 'file', trust }, `The URL of ${file.filename}`));
}
/** Resolve a URL or path against a manifest given by URL or by local path. */
function resolveUrl(url, manifestLocation) {
    const base = isUrl(manifestLocation)
        ? manifestLocation
        : new URL(`file://${manifestLocation.startsWith('/') ? '' : `${process.cwd()}/`}${manifestLocation}`).href;
    return new URL(url, base).href;
}

;// CONCATENATED MODULE: ./src/qemu/download.ts
// Fetch one pinned file: try each URL in order, retry transient failures with backoff, and
// verify SHA-256 before anyone uses the bytes. A mismatch deletes the file.
//
// Bounded in every way a server could abuse: never more bytes than the manifest declares (and
// no content decoding, so a gzip-encoded body cannot inflate past them), an idle timeout and a
// deadline per attempt, and redirects checked by the same URL rule as the manifest (checkUrl).
// node:http rather than fetch(): fetch always decodes Content-Encoding, whatever was asked.









/** Without a declared size, the most a pinned file may be (the largest QEMU package is 71 MB). */
const MAX_UNDECLARED_BYTES = 1 << 30;
/** A manifest is a few kilobytes; the built-in one with every target is under 100 KB. */
const MAX_MANIFEST_BYTES = 16 << 20;
const MAX_REDIRECTS = 10;
/** A failure worth retrying at the same URL. */
class Transient extends Error {
}
async function downloadVerified(file, dest, options = {}) {
    const { attempts = 3, backoffMs = 1000, log } = options;
    const { urls, sha256 } = file;
    const limit = file.size ?? MAX_UNDECLARED_BYTES;
    const failures = [];
    for (const url of urls) {
        for (let attempt = 1; attempt <= attempts; attempt++) {
            try {
                const bytes = await fetchTo(url, dest, limit, file, options);
                const actual = await sha256File(dest);
                if (actual !== sha256.toLowerCase()) {
                    await (0,promises_namespaceObject.rm)(dest, { force: true });
                    throw new Error(`SHA-256 mismatch for ${url}: expected ${sha256.toLowerCase()}, got ${actual} (file deleted)`);
                }
                log?.debug(`${url}: ${bytes} bytes, SHA-256 ${actual} as pinned`);
                return { url, bytes };
            }
            catch (e) {
                await (0,promises_namespaceObject.rm)(dest, { force: true });
                const message = e.message;
                if (e instanceof Transient && attempt < attempts) {
                    const wait = backoffMs * 2 ** (attempt - 1);
                    log?.info(`${message}; retrying in ${wait} ms (attempt ${attempt + 1} of ${attempts})`);
                    await new Promise(resolve => setTimeout(resolve, wait));
                    continue;
                }
                log?.info(`${message}${urls.length > 1 ? '; trying the next URL' : ''}`);
                failures.push(message);
                break;
            }
        }
    }
    throw new Error(`Could not download ${urls.length === 1 ? urls[0] : `from any of ${urls.length} URLs`}: ${failures.join('; ')}`);
}
async function fetchTo(url, dest, limit, file, options) {
    let bytes = 0;
    if (new URL(url).protocol === 'file:') {
        const path = (0,external_node_url_namespaceObject.fileURLToPath)(url);
        // A device such as /dev/zero never ends: read regular files only.
        const info = await (0,promises_namespaceObject.stat)(path).catch((e) => {
            throw new Error(`Cannot read ${path}: ${e.message}`);
        });
        if (!info.isFile())
            throw new Error(`Cannot read ${path}: it is not a regular file`);
        await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(path), bounded(url, limit, n => (bytes += n), limitWhat(file)), (0,external_node_fs_namespaceObject.createWriteStream)(dest)).catch((e) => {
            throw new Error(`Cannot read ${path}: ${e.message}`);
        });
        return bytes;
    }
    const redirects = { of: 'file', trust: file.trust, redirect: true };
    const { response, finalUrl, deadline } = await request(url, redirects, options);
    try {
        const total = Number(response.headers['content-length'] ?? 0);
        if (total > limit) {
            throw new Error(`${finalUrl}: the server announces ${total} bytes, more than the ${limit} ${limitWhat(file)}`);
        }
        const progress = progressLogger(url, total, options);
        await (0,external_node_stream_promises_namespaceObject.pipeline)(response, bounded(finalUrl, limit, n => progress((bytes += n)), limitWhat(file)), (0,external_node_fs_namespaceObject.createWriteStream)(dest)).catch((e) => {
            if (e instanceof Oversize)
                throw e;
            throw (deadline.error() ??
                new Transient(`${finalUrl}: connection lost after ${bytes} bytes (${causeOf(e)})`));
        });
        if (total > 0 && bytes !== total) {
            throw new Transient(`${finalUrl}: got ${bytes} of ${total} bytes`);
        }
        return bytes;
    }
    finally {
        deadline.clear();
        response.destroy();
    }
}
const limitWhat = (file) => file.size === undefined
    ? 'bytes a file without a declared size may have (add size to the manifest)'
    : 'bytes the manifest declares for it';
/**
 * The manifest at an http(s) URL, as text, with its trust. Every redirect must be https, so a
 * manifest is plain http, and warned about, only when its own URL is.
 */
async function fetchManifest(location, options = {}) {
    const url = checkUrl(location, { of: 'manifest' }, 'The manifest URL');
    const redirects = { of: 'manifest', redirect: true };
    const { response, finalUrl, deadline } = await request(url, redirects, options).catch((e) => {
        // The message starts with the URL that failed (the manifest's, or a redirect's).
        throw new Error(`Cannot fetch the manifest ${e.message}`, { cause: e });
    });
    const chunks = [];
    try {
        const sink = new external_node_stream_namespaceObject.Writable({
            write(chunk, _encoding, done) {
                chunks.push(chunk);
                done();
            }
        });
        await (0,external_node_stream_promises_namespaceObject.pipeline)(response, bounded(finalUrl, MAX_MANIFEST_BYTES, () => { }, 'bytes a manifest may have'), sink).catch((e) => {
            const err = e instanceof Oversize ? e : (deadline.error() ?? e);
            throw new Error(`Cannot fetch the manifest ${location}: ${err.message}`, { cause: err });
        });
    }
    finally {
        deadline.clear();
        response.destroy();
    }
    const trust = trustOf(url);
    if (trust === 'http') {
        options.log?.warning(`manifest over plain http (${location}): anyone on the path can change its SHA-256 pins, ` +
            `so its files must be https; serve it over https`);
    }
    return { text: Buffer.concat(chunks).toString('utf8'), url: finalUrl, trust };
}
/**
 * GET `url` without content decoding, following redirects that `checkUrl(next, redirects)`
 * accepts. Fails on HTTP errors (5xx, 408 and 429 as transient), and arms an idle timeout
 * (socket inactivity) and a deadline that keep watching while the caller reads the body.
 */
async function request(url, redirects, options) {
    const idle = options.idleTimeoutMs ?? 30_000;
    const limit = options.deadlineMs ?? 600_000;
    const hops = [url];
    let struck;
    let active;
    const strike = (error) => {
        struck ??= error;
        active?.destroy(struck);
    };
    const timer = setTimeout(() => strike(new Error(`${hops[hops.length - 1]}: not complete after the ${limit / 1000} s deadline`)), limit);
    const deadline = { error: () => struck, clear: () => clearTimeout(timer) };
    try {
        for (;;) {
            const at = hops[hops.length - 1];
            const response = await new Promise((resolve, reject) => {
                const get = new URL(at).protocol === 'https:' ? external_node_https_namespaceObject.get : external_node_http_namespaceObject.get;
                const headers = { 'accept-encoding': 'identity', 'user-agent': 'setup-binfmt' };
                const req = get(at, { headers, timeout: idle }, resolve);
                active = req;
                req.on('timeout', () => strike(new Transient(`${at}: no data for ${idle / 1000} s (idle timeout)`)));
                req.on('error', e => reject(struck ?? new Transient(`${at}: ${causeOf(e)}`)));
            });
            if (struck)
                throw struck;
            active = response;
            const status = response.statusCode ?? 0;
            const location = response.headers.location;
            if (status >= 300 && status < 400 && location) {
                response.resume();
                if (hops.length > MAX_REDIRECTS)
                    throw new Error(`${url}: more than ${MAX_REDIRECTS} redirects`);
                hops.push(checkUrl(new URL(location, at).href, redirects, `${at}: the redirect to`));
                continue;
            }
            if (status >= 500 || status === 429 || status === 408) {
                response.resume();
                throw new Transient(`${at}: HTTP ${status}`);
            }
            if (status < 200 || status >= 300) {
                response.resume();
                throw new Error(`${at}: HTTP ${status}`);
            }
            return { response, finalUrl: at, deadline };
        }
    }
    catch (e) {
        deadline.clear();
        active?.destroy();
        throw e;
    }
}
/** The body went past its limit. */
class Oversize extends Error {
}
/** Pass bytes through, failing as soon as more than `limit` have come. */
function bounded(url, limit, onBytes, what = 'bytes allowed') {
    let seen = 0;
    return new external_node_stream_namespaceObject.Transform({
        transform(chunk, _encoding, done) {
            seen += chunk.length;
            if (seen > limit) {
                done(new Oversize(`${url}: sent more than the ${limit} ${what}; the rest was not read`));
                return;
            }
            onBytes(chunk.length);
            done(null, chunk);
        }
    });
}
function causeOf(e) {
    const err = e;
    return err.cause?.code ?? err.code ?? err.cause?.message ?? err.message;
}
/** Log about every 10% of a large download. */
function progressLogger(url, total, options) {
    const threshold = options.progressBytes ?? 4 * 1024 * 1024;
    if (!options.log || total < threshold)
        return () => { };
    let next = 0.1;
    const mb = (n) => (n / 1024 / 1024).toFixed(1);
    return bytes => {
        if (bytes / total < next)
            return;
        options.log?.info(`${url}: ${mb(bytes)} of ${mb(total)} MB (${Math.floor((bytes / total) * 100)}%)`);
        next = Math.floor((bytes / total) * 10) / 10 + 0.1;
    };
}

;// CONCATENATED MODULE: ./src/qemu/package/package-files.ts
// The steps every distribution's module shares: run the package manager to download package
// files into a folder of the temporary work, tell a package's own file from its look-alikes,
// and take the interpreters out of a file found; and, for Fedora and Alpine, which have a
// package per target, download all the targets need in one command and unpack each package.
// Written once here so that debian.ts, fedora.ts and alpine.ts hold only what differs.


/**
 * Runs the download `command` gives for the new folder `work/<folder>`, and lists that folder.
 * A failure is rethrown with `failure(message)` as its message, to say what to do about it.
 */
async function downloadPackages({ work, run, log }, folder, command, failure) {
    const dir = (0,external_node_path_namespaceObject.join)(work, folder);
    await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
    const { argv, cwd } = command(dir);
    await run(argv, { cwd, log }).catch((e) => {
        throw new Error(failure(e.message), { cause: e });
    });
    return { dir, files: await (0,promises_namespaceObject.readdir)(dir) };
}
/**
 * Logs the package file found in `dir` and its version `full`, and takes its interpreters out
 * with `extract` (given the folder to put them in).
 */
async function unpackFile({ log }, dir, file, full, extract) {
    log.info(`package: ${file} (QEMU ${full})`);
    const extracted = await extract((0,external_node_path_namespaceObject.join)(dir, 'out'));
    return [...extracted].map(([t, path]) => ({ target: t, path, full, file }));
}
/** Downloads the packages the targets need in one command, then unpacks each in turn. */
async function unpackByTarget(context, how) {
    const packages = groupBy(context.targets, how.packageOf);
    const names = [...packages.keys()];
    const { dir, files } = await downloadPackages(context, how.folder, dir => how.command(dir, names), message => how.failure(message, names));
    const unpacked = [];
    for (const [name, wanted] of packages) {
        unpacked.push(...(await how.unpack(name, wanted, dir, files)));
    }
    return unpacked;
}
/** name-<digit>...<ext>: the package itself, not one whose name merely starts the same. */
function isPackageFile(file, name, ext) {
    return (file.startsWith(`${name}-`) && /^\d/.test(file.slice(name.length + 1)) && file.endsWith(ext));
}
/** Targets by the package that holds them, in the order first needed. */
function groupBy(targets, key) {
    const groups = new Map();
    for (const t of new Set(targets)) {
        const k = key(t);
        groups.set(k, [...(groups.get(k) ?? []), t]);
    }
    return groups;
}

;// CONCATENATED MODULE: ./src/qemu/package/alpine.ts
// Alpine: `apk fetch` of the qemu-<target> packages, and the interpreters from each .apk's data
// segment (apkDataSegment reads the APK v2 layout, which a plain tar reader does not).









/** Alpine's per-target package installs /usr/bin/qemu-<target>. */
function alpinePackage(targetName) {
    return `qemu-${target(targetName).interpreter}`;
}
/**
 * Alpine's qemu-<target> interpreters may be linked dynamically against musl, depending on how
 * the release built them. checkInterpreter then refuses them with its own clear message, which
 * is right: a dynamic interpreter fails in any container or chroot without Alpine's musl loader.
 */
async function fromAlpine(context) {
    return unpackByTarget(context, {
        folder: 'apks',
        packageOf: alpinePackage,
        command: (dir, names) => ({ argv: ['apk', 'fetch', '--output', dir, ...names] }),
        failure: (message, names) => `apk fetch ${names.join(' ')} failed (${message}); run apk update first, with the ` +
            `community repository (which holds the qemu-<target> packages) enabled`,
        unpack: async (name, wanted, dir, files) => {
            // qemu-aarch64-9.1.2-r0.apk: version 9.1.2-r0 (not qemu-aarch64_be-...)
            const apk = files.find(f => isPackageFile(f, name, '.apk'));
            if (!apk)
                throw new Error(`apk fetch ${name} left no ${name}-<version>.apk file`);
            const full = apk.slice(name.length + 1, -'.apk'.length);
            return unpackFile(context, dir, apk, full, async (out) => {
                const data = (0,external_node_path_namespaceObject.join)(dir, `${name}.data.tar.gz`);
                await apkDataSegment((0,external_node_path_namespaceObject.join)(dir, apk), data);
                const extracted = await extractInterpreters(data, 'tar.gz', wanted, out, context.log);
                await (0,promises_namespaceObject.rm)(data, { force: true });
                return extracted;
            });
        }
    });
}
/**
 * An .apk (v2) is gzip streams one after the other: the signature tar, the control tar
 * (.PKGINFO) and the data tar, which comes last. Alpine cuts the end-of-archive blocks from the
 * first two so the whole reads as one tar, but a package written with plain tar keeps them, and
 * many tar readers stop at the first. Only the data is wanted, and the signature and control
 * members must not be taken for it: copy just the last gzip stream to `dest`.
 */
async function apkDataSegment(file, dest) {
    const handle = await (0,promises_namespaceObject.open)(file, 'r');
    let last;
    try {
        const { size } = await handle.stat();
        for (let at = 0; at < size;) {
            const head = Buffer.alloc(Math.min(size - at, 64 * 1024));
            await handle.read(head, 0, head.length, at);
            if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
                if (last)
                    break; // padding after the last stream
                throw new Error(`${file} is not an Alpine package this tool reads (APK v2: gzip streams of tar); ` +
                    `APK v3 packages are not supported: use source: download or system`);
            }
            const body = at + gzipHeaderLength(file, head);
            // Inflate the deflate data just to learn where it ends; the 8-byte CRC and size follow.
            const inflate = (0,external_node_zlib_namespaceObject.createInflateRaw)();
            const discard = new external_node_stream_namespaceObject.Writable({ write: (_chunk, _encoding, done) => done() });
            await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(file, { start: body }), inflate, discard).catch((e) => {
                throw new Error(`${file} has a corrupt gzip stream at byte ${at}: ${e.message}`);
            });
            const end = body + inflate.bytesWritten + 8;
            if (end > size)
                throw new Error(`${file} is truncated: its last gzip stream stops early`);
            last = { start: at, end };
            at = end;
        }
    }
    finally {
        await handle.close();
    }
    if (!last)
        throw new Error(`${file} is empty`);
    await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(file, { start: last.start, end: last.end - 1 }), (0,external_node_fs_namespaceObject.createWriteStream)(dest));
}
/** RFC 1952: 10 fixed bytes, then the optional extra field, name, comment and header CRC. */
function gzipHeaderLength(file, head) {
    const bad = () => new Error(`${file} has a gzip header this tool does not read`);
    if (head.length < 10 || head[2] !== 8)
        throw bad();
    const flags = head[3];
    let at = 10;
    if (flags & 0x04) {
        if (at + 2 > head.length)
            throw bad();
        at += 2 + head.readUInt16LE(at);
    }
    for (const flag of [0x08, 0x10]) {
        if (!(flags & flag))
            continue;
        const zero = head.indexOf(0, at);
        if (zero < 0)
            throw bad();
        at = zero + 1;
    }
    if (flags & 0x02)
        at += 2;
    if (at > head.length)
        throw bad();
    return at;
}

;// CONCATENATED MODULE: ./src/qemu/package/debian.ts
// Debian and Ubuntu: `apt-get download` of qemu-user-static, or of qemu-user where that is the
// package holding the static interpreters (Debian 13 on), and the interpreters from the .deb.




/**
 * qemu-user-static, or qemu-user when that is where the static interpreters are: from Debian 13
 * qemu-user-static is a transitional package with no interpreter in it and qemu-user ships the
 * static builds. On older releases qemu-user's are dynamic, which checkInterpreter refuses.
 */
async function fromDebian(context) {
    try {
        return await fromDeb('qemu-user-static', context);
    }
    catch (first) {
        // Missing from the archive (a download error) or holding no interpreter (transitional).
        const reason = first.message;
        if (!/ has no QEMU interpreter for |^apt-get download /.test(reason))
            throw first;
        context.log.info(`package: qemu-user-static will not do (${reason}); trying qemu-user`);
        try {
            const unpacked = await fromDeb('qemu-user', context);
            for (const { path } of unpacked)
                await checkInterpreter(path, context.arch);
            return unpacked;
        }
        catch (second) {
            throw new Error(`${reason}; and qemu-user: ${second.message}`, { cause: second });
        }
    }
}
async function fromDeb(name, context) {
    // As root, apt drops to _apt for downloads, which cannot write to our temporary folder.
    const sandbox = process.getuid?.() === 0 ? ['-o', 'APT::Sandbox::User=root'] : [];
    const { dir, files } = await downloadPackages(context, name, dir => ({ argv: ['apt-get', 'download', ...sandbox, name], cwd: dir }), message => `apt-get download ${name} failed (${message}); run apt-get update first`);
    const deb = files.find(f => f.startsWith(`${name}_`) && f.endsWith('.deb'));
    if (!deb)
        throw new Error(`apt-get download ${name} left no .deb file`);
    // qemu-user-static_1%3a7.2+dfsg-7+deb12u18+b3_amd64.deb: version 1:7.2+dfsg-7+deb12u18+b3
    const full = decodeURIComponent(deb.split('_')[1] ?? '');
    return unpackFile(context, dir, deb, full, out => extractInterpreters((0,external_node_path_namespaceObject.join)(dir, deb), 'deb', context.targets, out, context.log));
}

;// CONCATENATED MODULE: ./src/qemu/archive/rpm.ts
// Fedora's qemu-user-static-<group> packages, read with rpm's own tools: the dnf path runs only
// on Fedora-like hosts, where rpm is always present (dnf needs it). `rpm -qp` reads the header;
// rpm2archive (rpm 4.15+) turns the payload into a tar stream, which tar.ts reads with the
// same member rules as any archive: a `..` segment refused, links followed inside the package's
// own tree, nothing written until the whole payload has been read.






/** The package's name and version, from its header. */
async function readRpm(file) {
    // --nomanifest: a text file is not taken for a list of other packages to read.
    const argv = [
        'rpm',
        '-qp',
        '--nomanifest',
        '--queryformat',
        '%{NAME}\n%{EPOCH}\n%{VERSION}\n%{RELEASE}\n',
        file
    ];
    const { stdout } = await exec_run(argv).catch((e) => {
        throw new Error(`${file} is not an RPM package rpm can read: ${e.message}`, { cause: e });
    });
    const [name, epochText, version, release] = stdout.split('\n');
    const epoch = epochText === '(none)' ? undefined : Number(epochText);
    if (!name || !version || !release || (epoch !== undefined && !Number.isInteger(epoch))) {
        throw new Error(`rpm -qp ${file} printed no name, epoch, version and release: ${stdout}`);
    }
    return {
        name,
        version,
        release,
        epoch,
        evr: `${epoch === undefined ? '' : `${epoch}:`}${version}-${release}`
    };
}
/**
 * Extract the interpreters for `targets` (QEMU target names) from the .rpm `file` into `destDir`,
 * as destDir/qemu-<target> (mode 0755), like extractInterpreters in extract.ts. Fedora's packages
 * hold /usr/bin/qemu-<target>-static. Returns target -> written path.
 */
function extractRpmInterpreters(file, targets, destDir, log) {
    const names = new Map([...new Set(targets)].map(t => [t, candidateNames(t)]));
    return extractMembers(file, names, destDir, (keep, data) => scanTar(file, sink => payloadTar(file, sink, log), e => new Error(`Cannot read the payload of ${file}: ${e.message}`, { cause: e }), keep, data), log);
}
/** rpm2archive -n -: the package on standard input, its payload as a plain tar on standard output. */
async function payloadTar(file, sink, log) {
    const argv = ['rpm2archive', '-n', '-'];
    // run() resolves when the process exits; `finished` waits until the sink has taken every byte.
    await Promise.all([
        exec_run(argv, { input: (0,external_node_fs_namespaceObject.createReadStream)(file), stdout: sink, log }),
        (0,external_node_stream_promises_namespaceObject.finished)(sink)
    ]);
}

;// CONCATENATED MODULE: ./src/qemu/package/fedora.ts
// Fedora: `dnf download` of the qemu-user-static-<group> packages the targets need (which
// package holds which interpreter, from Fedora's qemu.spec), and the interpreters from the rpms.





/**
 * Fedora splits static QEMU into qemu-user-static-<group> packages; each target's group, from
 * the `%files user-static-<group>` sections of Fedora's qemu.spec (as of QEMU 10.1).
 */
const FEDORA_GROUPS = new Map(Object.entries({
    aarch64: ['aarch64', 'aarch64_be'],
    alpha: ['alpha'],
    arm: ['arm', 'armeb'],
    hexagon: ['hexagon'],
    hppa: ['hppa'],
    loongarch64: ['loongarch64'],
    m68k: ['m68k'],
    microblaze: ['microblaze', 'microblazeel'],
    mips: ['mips', 'mipsel', 'mips64', 'mips64el', 'mipsn32', 'mipsn32el'],
    or1k: ['or1k'],
    ppc: ['ppc', 'ppc64', 'ppc64le'],
    riscv: ['riscv32', 'riscv64'],
    s390x: ['s390x'],
    sh4: ['sh4', 'sh4eb'],
    sparc: ['sparc', 'sparc32plus', 'sparc64'],
    x86: ['i386', 'x86_64'],
    xtensa: ['xtensa', 'xtensaeb']
}).flatMap(([group, interpreters]) => interpreters.map(i => [i, group])));
/** The Fedora package holding a target's interpreter: i486 runs under qemu-i386, so x86. */
function fedoraPackage(targetName) {
    const interpreter = target(targetName).interpreter;
    const group = FEDORA_GROUPS.get(interpreter);
    if (!group)
        throw new Error(`Fedora has no qemu-user-static package for ${targetName}`);
    return `qemu-user-static-${group}`;
}
async function fromFedora(context) {
    return unpackByTarget(context, {
        folder: 'rpms',
        packageOf: fedoraPackage,
        command: (dir, names) => ({ argv: ['dnf', 'download', `--destdir=${dir}`, ...names] }),
        failure: (message, names) => `dnf download ${names.join(' ')} failed (${message}): Fedora ships static QEMU as ` +
            `qemu-user-static-<group>; RHEL and CentOS do not, so use source: download or system there`,
        unpack: async (name, wanted, dir, files) => {
            // qemu-user-static-aarch64-9.1.2-1.fc41.x86_64.rpm (not -aarch64_be-..., not a .src.rpm)
            const found = files.filter(f => isPackageFile(f, name, '.rpm') && !f.endsWith('.src.rpm'));
            const rpm = found.find(f => f.endsWith(`.${HOST_ARCHES[context.arch]?.rpm}.rpm`)) ?? found[0];
            if (!rpm)
                throw new Error(`dnf download ${name} left no ${name}-<version>.rpm file`);
            const info = await readRpm((0,external_node_path_namespaceObject.join)(dir, rpm));
            if (info.name !== name)
                throw new Error(`${rpm} holds the package ${info.name}, not ${name}`);
            return unpackFile(context, dir, rpm, info.evr, out => extractRpmInterpreters((0,external_node_path_namespaceObject.join)(dir, rpm), wanted, out, context.log));
        }
    });
}

;// CONCATENATED MODULE: ./src/qemu/package/os-release.ts
// Which distribution this is, from os-release(5), and so which package manager `source: package`
// uses. Kept apart from the downloads so the detection can be read and tested on its own.
/** KEY=value lines of os-release(5); values may be quoted, with backslash escapes inside. */
function parseOsRelease(text) {
    const fields = new Map();
    for (const line of text.split('\n')) {
        const match = /^\s*([A-Z0-9_]+)=(.*?)\s*$/.exec(line);
        if (!match)
            continue;
        let value = match[2];
        const quote = value[0];
        if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
            value = value.slice(1, -1);
            if (quote === '"')
                value = value.replace(/\\(.)/g, '$1');
        }
        fields.set(match[1], value);
    }
    return fields;
}
/** ID first, then ID_LIKE in its order: Linux Mint says ubuntu, Rocky says rhel and fedora. */
function packageManager(release) {
    const ids = [release.get('ID') ?? '', ...(release.get('ID_LIKE') ?? '').split(/\s+/)];
    for (const id of ids.map(i => i.toLowerCase())) {
        if (id === 'debian' || id === 'ubuntu')
            return 'apt';
        if (id === 'fedora' || id === 'rhel' || id === 'centos')
            return 'dnf';
        if (id === 'alpine')
            return 'apk';
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/qemu/package/source.ts
// `source: package`: the distribution's own static QEMU packages, downloaded with the
// distribution's tools but not installed (no maintainer scripts, no distribution binfmt
// entries); only the needed interpreters are taken from them and kept in the tool cache.
// This module picks the distribution's module, then checks and caches what that unpacked:
//
//   Debian, Ubuntu   debian.ts   apt-get download qemu-user-static (or qemu-user)
//   Fedora           fedora.ts   dnf download qemu-user-static-<group>
//   Alpine           alpine.ts   apk fetch qemu-<target>
//
// os-release.ts tells which distribution this is; package-files.ts holds the shared steps.










/** The distribution's static QEMU packages, downloaded but not installed (no maintainer scripts). */
async function fromPackage(request, log, options = {}) {
    const arch = request.arch ?? process.arch;
    const release = parseOsRelease(await (0,promises_namespaceObject.readFile)(options.osRelease ?? '/etc/os-release', 'utf8').catch(() => ''));
    const manager = packageManager(release);
    if (!manager) {
        const name = release.get('PRETTY_NAME') || release.get('NAME') || 'this system';
        throw new Error(`source: package works on Debian and Ubuntu (apt-get), Fedora (dnf) and Alpine (apk); ` +
            `${name} is none of these: use source: download or system`);
    }
    const run = options.run ?? exec_run;
    const work = await makeTempDir('pkg');
    try {
        const unpack = { apt: fromDebian, dnf: fromFedora, apk: fromAlpine }[manager];
        const unpacked = await unpack({ targets: request.targets, work, run, log, arch });
        // Check every interpreter before caching any, so a refusal leaves the cache as it was.
        for (const { path } of unpacked)
            await checkInterpreter(path, arch);
        const interpreters = new Map();
        for (const { target: t, path, full } of unpacked) {
            interpreters.set(t, await storeCached(`${toolName(t)}-package`, cacheVersion(full), arch, path));
        }
        const version = unpacked[0]?.full ?? '';
        const files = [...new Set(unpacked.map(u => u.file))].map(file => ({
            file,
            targets: unpacked.filter(u => u.file === file).map(u => u.target)
        }));
        return { interpreters, source: 'package', version, files, cacheHit: false, downloadedBytes: 0 };
    }
    finally {
        await (0,promises_namespaceObject.rm)(work, { recursive: true, force: true });
    }
}
/** 1:7.2+dfsg-7+deb12u18 -> 7.2.0; 2:9.1.2-1.fc41 -> 9.1.2; 9.1.2-r0 -> 9.1.2. */
function cacheVersion(full) {
    return semver_default().coerce(full.replace(/^\d+:/, ''))?.version ?? '0.0.0';
}

;// CONCATENATED MODULE: ./src/qemu/acquire.ts
// Get a static interpreter per target from the chosen source. `auto` tries the tool cache, the
// manifest download, then the distribution package, and says why each one was passed over.
// A download stays on the pinned version: a per-target file that cannot be had gives way to
// the next file of the same version that holds those targets (the whole .deb and its mirrors).













/** One file per interpreter already on this machine (system, tool cache): its path. */
const filesOf = (interpreters) => [...interpreters].map(([t, path]) => ({ file: path, targets: [t] }));
/** Where relative URLs in the built-in manifest would point: this project's releases. */
const DEFAULT_MANIFEST_URL = 'https://github.com/setup-binfmt/setup-binfmt/releases/download/';
async function acquire(request, log) {
    switch (request.source) {
        case 'system':
            return fromSystem(request, log);
        case 'download':
            return (await fromCache(request, log)) ?? fromDownload(request, log);
        case 'package':
            await checkVersionInput(request, log);
            return warnUnlessSatisfied(request, await fromPackage(request, log), log);
        case 'auto':
            return auto(request, log);
    }
}
/**
 * Cache, then the manifest's files of the pinned version, and only when none of those can be
 * had for this host, the distribution's package, with a warning that it is not pinned. A bad
 * qemu-version or manifest is an error here as with `download`.
 */
async function auto(request, log) {
    const cached = await fromCache(request, log);
    if (cached)
        return cached;
    let reason;
    try {
        return await fromDownload(request, log);
    }
    catch (e) {
        if (!(e instanceof FilesUnavailable))
            throw e;
        reason = e.message;
    }
    log.info(`auto: ${reason}; trying the distribution's QEMU package`);
    let got;
    try {
        got = await fromPackage(request, log);
    }
    catch (e) {
        throw new Error(`source auto: ${reason}; and the distribution package failed too: ${e.message}`, { cause: e });
    }
    log.warning(`auto: running the distribution's QEMU ${got.version} (${got.files.map(f => f.file).join(', ')}), ` +
        `which is NOT pinned (no version or SHA-256 from the manifest), because ${reason}. ` +
        `Use source: download to fail instead, or make the manifest's files reachable.`);
    return got;
}
/** A qemu-version that no manifest entry matches is an error with every source. */
async function checkVersionInput(request, log) {
    if (!request.qemuVersion)
        return;
    const manifest = await loadManifest(request.manifest, log, request.download);
    selectRelease(manifest.releases, request.qemuVersion);
}
/** `package` and `system` cannot choose the version: say so when it is not the one asked for. */
function warnUnlessSatisfied(request, got, log) {
    const spec = request.qemuVersion;
    const version = semver_default().coerce(got.version.replace(/^\d+:/, ''))?.version;
    if (spec && !(version && semver_default().satisfies(version, spec))) {
        log.warning(`source ${request.source} gave QEMU ${got.version}, which is not qemu-version '${spec}': ` +
            `use source: download to get ${spec}`);
    }
    return got;
}
async function fromSystem(request, log) {
    await checkVersionInput(request, log);
    const interpreters = await findSystemInterpreters(request.targets, request.qemuPath);
    const first = interpreters.values().next().value;
    const version = first ? await qemuVersion(first) : '';
    const files = filesOf(interpreters);
    const got = {
        interpreters,
        source: 'system',
        version,
        files,
        cacheHit: true,
        downloadedBytes: 0
    };
    return warnUnlessSatisfied(request, got, log);
}
/** The newest cached version satisfying the request that has every target; no network. */
async function fromCache(request, log) {
    const arch = request.arch ?? process.arch;
    let spec = request.qemuVersion;
    if (!request.manifest) {
        // The built-in manifest is free to read: it decides the version, and rejects a bad one.
        spec = selectRelease(DEFAULT_MANIFEST, spec).version;
    }
    else if (!spec) {
        log.info('tool cache: checked after reading the manifest, which decides the version');
        return undefined;
    }
    for (const version of cachedVersions(toolName(request.targets[0]), arch)) {
        if (!semver_default().satisfies(version, spec) || (semver_default().valid(spec) && version !== cacheKey(spec))) {
            continue;
        }
        const cached = await cachedInterpreters(request.targets, version, arch, log);
        if (!cached)
            continue;
        log.info(`tool cache: QEMU ${version} for ${request.targets.join(', ')}`);
        return cacheHit(cached, version);
    }
    log.info(`tool cache: no QEMU ${spec} for ${request.targets.join(', ')} on ${arch}`);
    return undefined;
}
/**
 * Every target's cached interpreter of `version` (see findCached for the checks), or
 * undefined when one is missing or refused; a refused entry is downloaded again.
 */
async function cachedInterpreters(targets, version, arch, log) {
    const found = new Map();
    for (const t of targets) {
        const path = await findCached(toolName(t), version, arch).catch((e) => {
            if (!(e instanceof CacheEntryRefused))
                throw e;
            log.warning(`tool cache: ${e.message}; getting it again`);
            return undefined;
        });
        if (!path)
            return undefined;
        found.set(t, path);
    }
    return found;
}
function cacheHit(interpreters, version) {
    const files = filesOf(interpreters);
    return { interpreters, source: 'cache', version, files, cacheHit: true, downloadedBytes: 0 };
}
async function loadManifest(location, log, download = {}) {
    if (!location)
        return { releases: DEFAULT_MANIFEST, location: DEFAULT_MANIFEST_URL, trust: 'local' };
    if (isUrl(location)) {
        const got = await fetchManifest(location, { log, ...download });
        return { releases: parseManifest(got.text, location), location: got.url, trust: got.trust };
    }
    const text = await (0,promises_namespaceObject.readFile)(location, 'utf8').catch((e) => {
        throw new Error(`Cannot read the manifest ${location}: ${e.message}`);
    });
    return { releases: parseManifest(text, location), location, trust: 'local' };
}
async function fromDownload(request, log) {
    const arch = request.arch ?? process.arch;
    const manifest = await loadManifest(request.manifest, log, request.download);
    const release = selectRelease(manifest.releases, request.qemuVersion);
    const cached = await cachedInterpreters(request.targets, release.version, arch, log);
    if (cached) {
        log.info(`tool cache: QEMU ${release.version} for ${request.targets.join(', ')} (no file downloaded)`);
        return cacheHit(cached, release.version);
    }
    const work = await makeTempDir('download');
    const interpreters = new Map();
    const files = [];
    // Files that could not be had, with why: their targets go to the next file that holds them.
    const failed = new Map();
    let remaining = [...request.targets];
    let downloadedBytes = 0;
    try {
        while (remaining.length > 0) {
            for (const file of pickStill(release, arch, remaining, failed)) {
                const wanted = remaining.filter(t => file.targets.includes(t));
                log.info(`downloading ${file.filename} (${file.format}) for ${wanted.join(', ')}`);
                const archive = (0,external_node_path_namespaceObject.join)(work, file.filename);
                const urls = fileUrls(file, manifest.location, manifest.trust);
                const pinned = { urls, sha256: file.sha256, size: file.size, trust: manifest.trust };
                let got;
                try {
                    got = await downloadVerified(pinned, archive, { log, ...request.download });
                }
                catch (e) {
                    const why = e.message;
                    failed.set(file.filename, why);
                    log.notice(`QEMU ${release.version}: ${file.filename} could not be had (${why}); ` +
                        `trying the next file of the same version for ${wanted.join(', ')}`);
                    continue;
                }
                downloadedBytes += got.bytes;
                const out = (0,external_node_path_namespaceObject.join)(work, 'out');
                const extracted = await extractInterpreters(archive, file.format, wanted, out, log);
                await (0,promises_namespaceObject.rm)(archive, { force: true });
                for (const [t, path] of extracted) {
                    await checkInterpreter(path, arch);
                    interpreters.set(t, await storeCached(toolName(t), release.version, arch, path));
                }
                files.push({ file: got.url, targets: wanted });
                remaining = remaining.filter(t => !wanted.includes(t));
            }
        }
    }
    finally {
        await (0,promises_namespaceObject.rm)(work, { recursive: true, force: true });
    }
    log.info(`QEMU ${release.version}: ${downloadedBytes} bytes downloaded, cached for next time`);
    return {
        interpreters,
        source: 'download',
        version: release.version,
        files,
        cacheHit: false,
        downloadedBytes
    };
}
/** The next files for `targets` other than the failed ones; when none is left, why each failed. */
function pickStill(release, arch, targets, failed) {
    try {
        return pickFiles(release, arch, targets, new Set(failed.keys()));
    }
    catch (e) {
        if (failed.size === 0)
            throw e;
        const reasons = [...failed].map(([name, why]) => `${name}: ${why}`).join('; ');
        throw new FilesUnavailable(`no file of QEMU ${release.version} for ${targets.join(', ')} could be had (${reasons})`, { cause: e });
    }
}

;// CONCATENATED MODULE: ./src/platform/names.ts
// Platform names as people write them (OCI, QEMU, Debian, uname -m) and the QEMU targets
// they mean. Pure: no I/O, so every name form is tested by a table.

/** The ten platforms container images are built for, as QEMU targets, in buildx's order. */
const CONTAINER_TARGETS = [
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
];
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
function ociPlatforms(target) {
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
        ...CONTAINER_TARGETS.flatMap(ociPlatforms),
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

;// CONCATENATED MODULE: ./src/platform/probes.ts
// Tiny static ELF executables ("probes"), generated here byte by byte, one per QEMU target.
// Each writes `setup-binfmt probe <target>\n` to fd 1 and exits 0, so running one through
// binfmt_misc proves that the registered interpreter really runs that target's binaries.
//
// File layout: ELF header, one PT_LOAD program header (R+X) mapping the whole file at a
// fixed address, machine code, then the message. No section headers. The code loads
// absolute addresses, so every encoder below emits a fixed length whatever the operand
// values: the layout is computed from a first pass with a dummy address.
const probes_ET_EXEC = 2;
const probes_PT_LOAD = 1;
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
function probeMarker(target) {
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
function probeProgram(target) {
    const arch = archOf(target);
    const message = Buffer.from(`${probeMarker(target)}\n`, 'ascii');
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
    const dataOff = align(descOff === undefined ? codeOff + size : descOff + 24, image.dataAlign ?? 4);
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
    w.u16(16, probes_ET_EXEC);
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
    w.u32(ph, probes_PT_LOAD);
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
const CHAIN = {
    x86_64: {
        errno: 'negated',
        code: at => Buffer.from([
            ...x86_64(at).subarray(0, 22), // write(1, msg, len)
            ...x86.mov(EAX, 59), // eax = __NR_execve
            ...x86.mov(EDI, at.path),
            ...x86.mov(ESI, at.argv),
            ...x86.zero(EDX), // no environment
            ...x86.syscall,
            ...[0x89, 0xc7], // mov edi, eax: the status is what execve returned
            ...x86.mov(EAX, 231), // eax = __NR_exit_group
            ...x86.syscall
        ])
    },
    i386: {
        errno: 'negated',
        code: at => Buffer.from([
            ...i386(at).subarray(0, 22), // write(1, msg, len)
            ...x86.mov(EAX, 11), // eax = __NR_execve
            ...x86.mov(EBX, at.path),
            ...x86.mov(ECX, at.argv),
            ...x86.zero(EDX),
            ...x86.int80,
            ...[0x89, 0xc3], // mov ebx, eax
            ...x86.mov(EAX, 252), // eax = __NR_exit_group
            ...x86.int80
        ])
    },
    aarch64: {
        errno: 'negated',
        code: at => Buffer.concat([
            aarch64(at).subarray(0, 24), // write(1, msg, len)
            words('le', a64.movz(0, at.path & 0xffff), a64.movk(0, at.path >>> 16, 1), a64.movz(1, at.argv & 0xffff), a64.movk(1, at.argv >>> 16, 1), a64.movz(2, 0), a64.movz(8, 221), // x8 = __NR_execve
            a64.svc, a64.movz(8, 94), // x8 = __NR_exit_group; x0 holds what execve returned
            a64.svc)
        ])
    },
    arm: {
        errno: 'negated',
        code: at => Buffer.concat([
            arm(at).subarray(0, 24),
            words('le', a32.movw(0, at.path & 0xffff), a32.movt(0, at.path >>> 16), a32.movw(1, at.argv & 0xffff), a32.movt(1, at.argv >>> 16), a32.movw(2, 0), a32.movw(7, 11), // r7 = __NR_execve
            a32.svc, a32.movw(7, 248), // r7 = __NR_exit_group; r0 holds what execve returned
            a32.svc)
        ])
    },
    riscv64: {
        errno: 'negated',
        code: at => {
            const [ph, pl] = splitSigned(at.path, 12);
            const [ah, al] = splitSigned(at.argv, 12);
            return Buffer.concat([
                riscv(at).subarray(0, 24),
                words('le', rv.lui(A0, ph), rv.addi(A0, A0, pl), rv.lui(A1, ah), rv.addi(A1, A1, al), rv.addi(A2, 0, 0), rv.addi(A7, 0, 221), // a7 = __NR_execve
                rv.ecall, rv.addi(A7, 0, 94), // a7 = __NR_exit_group; a0 holds what execve returned
                rv.ecall)
            ]);
        }
    },
    ppc64le: {
        errno: 'positive',
        code: at => Buffer.concat([
            ppc('le')(at).subarray(0, 24),
            words('le', ppcOp.lis(3, at.path >>> 16), ppcOp.ori(3, 3, at.path & 0xffff), ppcOp.lis(4, at.argv >>> 16), ppcOp.ori(4, 4, at.argv & 0xffff), ppcOp.li(5, 0), ppcOp.li(0, 11), // r0 = __NR_execve
            ppcOp.sc, ppcOp.li(0, 234), // r0 = __NR_exit_group; r3 holds the errno
            ppcOp.sc)
        ])
    },
    s390x: {
        errno: 'negated',
        code: at => Buffer.from([
            ...s390x(at).subarray(0, 16), // write(1, msg, len)
            ...s390.llilf(2, at.path),
            ...s390.llilf(3, at.argv),
            ...s390.lghi(4, 0),
            ...s390.svc(11), // __NR_execve
            ...s390.svc(248) // __NR_exit_group; r2 holds what execve returned
        ])
    },
    mips64el: { errno: 'positive', code: mips64Chain('le') },
    mips64: { errno: 'positive', code: mips64Chain('be') },
    loongarch64: {
        errno: 'negated',
        code: at => Buffer.concat([
            loongarch64(at).subarray(0, 24),
            words('le', la.lu12i(LA0, at.path >>> 12), la.ori(LA0, LA0, at.path & 0xfff), la.lu12i(LA1, at.argv >>> 12), la.ori(LA1, LA1, at.argv & 0xfff), la.ori(LA2, 0, 0), la.ori(LA7, 0, 221), // a7 = __NR_execve
            la.syscall, la.ori(LA7, 0, 94), // a7 = __NR_exit_group; a0 holds what execve returned
            la.syscall)
        ])
    }
};
/** n64: execve is 5057, exit_group 5205; a failed syscall leaves the errno in v0. */
function mips64Chain(endian) {
    return at => Buffer.concat([
        mips(endian, 5000)(at).subarray(0, 24),
        words(endian, mipsOp.lui(MA0, at.path >>> 16), mipsOp.ori(MA0, MA0, at.path & 0xffff), mipsOp.lui(MA1, at.argv >>> 16), mipsOp.ori(MA1, MA1, at.argv & 0xffff), mipsOp.ori(MA2, 0, 0), mipsOp.ori(V0, 0, 5057), mipsOp.syscall, (V0 << 21) | (MA0 << 11) | 0x25, // or a0, v0, zero
        mipsOp.ori(V0, 0, 5205), mipsOp.syscall)
    ]);
}
/** The QEMU targets chainProgram can build. */
const CHAIN_PROBE_TARGETS = Object.freeze(Object.keys(CHAIN));
/**
 * A static ELF for `target` (one of CHAIN_PROBE_TARGETS) that prints `probeMarker(target)`
 * and a newline, then execs `next` (an absolute path of at most 255 bytes).
 */
function chainProgram(target, next) {
    const chain = Object.hasOwn(CHAIN, target) ? CHAIN[target] : undefined;
    if (!chain) {
        throw new Error(`No chain probe for QEMU target '${target}'; supported: ${CHAIN_PROBE_TARGETS.join(', ')}`);
    }
    const arch = archOf(target);
    const word = arch.bits / 8;
    const message = Buffer.from(`${probeMarker(target)}\n`, 'ascii');
    const path = Buffer.from(`${next}\0`, 'utf8');
    // argv[0] is filled in once the data's address is known; argv[1] stays null.
    const data = Buffer.concat([Buffer.alloc(2 * word), path, message]);
    let argvAt = 0;
    const elf = writeElf(target, arch, {
        code: (pc, at) => {
            argvAt = at;
            const pathAt = at + 2 * word;
            return chain.code({
                pc,
                msg: pathAt + path.length,
                len: message.length,
                path: pathAt,
                argv: at
            });
        },
        data,
        bss: 0,
        dataAlign: 8
    });
    const pointer = argvAt + 2 * word;
    const w = new Writer(elf, arch.endian);
    w.word(arch.bits, elf.length - data.length, pointer);
    return elf;
}
/** The errno a chain link's failed exec of the next link gave, from the container's exit status. */
function chainExecErrno(target, status) {
    const chain = Object.hasOwn(CHAIN, target) ? CHAIN[target] : undefined;
    if (!chain || status <= 0 || status > 255)
        return undefined;
    const errno = chain.errno === 'negated' ? 256 - status : status;
    // Statuses 129-155 are more likely a signal (128 + n) than an errno above 100.
    return errno >= 1 && errno <= 100 ? errno : undefined;
}

;// CONCATENATED MODULE: ./src/platform/native.ts
// Which container platforms the host runs without an emulator, found by executing a probe
// for each: an arm64 host may lack AArch32, an amd64 kernel may lack IA-32 support.







/** The enabled entry the kernel would run this program with; `entries` in match order. */
function claimedBy(program, entries) {
    return entries.find(e => {
        if (!e.enabled || !e.magic)
            return false;
        const magic = Buffer.from(e.magic, 'hex');
        const mask = Buffer.from(e.mask ?? 'ff'.repeat(magic.length), 'hex');
        return magic.every((b, i) => (program[e.offset + i] & mask[i]) === (b & mask[i]));
    });
}
async function nativeTargets(entries, log, exec = exec_run, arch = process.arch) {
    const native = new Set();
    // The target Node itself runs as: native by definition.
    const host = HOST_ARCHES[arch]?.target;
    if (host)
        native.add(host);
    const dir = await makeTempDir('native');
    const runs = async (target) => {
        const program = probeProgram(target);
        const entry = claimedBy(program, entries);
        if (entry) {
            log.debug(`native ${target}: not probed, binfmt_misc entry ${entry.name} would run it`);
            return false;
        }
        const path = (0,external_node_path_namespaceObject.join)(dir, target);
        await (0,promises_namespaceObject.writeFile)(path, program, { mode: 0o755 });
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
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
    // i486 binaries run wherever i386 ones do.
    if (native.has('i386'))
        native.add('i486');
    return native;
}

;// CONCATENATED MODULE: ./src/platform/plan.ts
// The first step of a run: which of the requested targets need emulating on this host.
function makePlan(request, native, log) {
    const targets = [];
    for (const t of request.targets) {
        if (!native.has(t))
            targets.push(t);
        else if (!request.all)
            log.notice(`${t} runs natively on this host: nothing to register for it`);
    }
    return { targets, native: [...native] };
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
function privateDir(dir, what, mode = 0o700) {
    let parent;
    try {
        parent = checkFolders((0,external_node_path_namespaceObject.dirname)(dir), what, true);
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw e;
        parent = privateDir((0,external_node_path_namespaceObject.dirname)(dir), what);
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
function existingPrivateDir(dir, what) {
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
function readPrivateFile(path, what) {
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
function writePrivateFile(dir, name, text, mode = 0o600) {
    writeFileAtomic((0,external_node_path_namespaceObject.join)(dir, name), text, { mode });
}

;// CONCATENATED MODULE: ./src/binfmt/lock.ts
// Several runs on one host (self-hosted machines run several runners, as root or as users with
// sudo) share one binfmt_misc table. Changes to it happen under one lock per binfmt_misc
// instance, whoever runs, and a shared record says which runs use which of our entries, so
// that one run's cleanup never removes an entry another run still relies on: the last one out
// removes it. Both live in root's folder under /run, reached through sudo by other users; runs
// that change the table through a container engine keep them in the engine (SharedRecord).






/** Root's folder for the locks and owners records of every binfmt_misc instance on the host. */
const HOST_DIR = '/run/setup-binfmt';
const WHAT = 'the binfmt_misc lock and owners record';
const inFolder = (place) => 'dir' in place;
const isJoint = (place) => 'host' in place;
const partsOf = (place) => isJoint(place) ? [place.host, place.engine] : [place];
const notFound = (e) => e.code === 'ENOENT';
/**
 * Where the lock and the owners record live for the binfmt_misc instance at `root`: a folder
 * per instance (its device number), so every user and every path to one table shares them;
 * `shared` when the table is changed through a container engine. `override`
 * (SETUP_BINFMT_LOCK_DIR) is a private folder of the caller's own.
 */
async function lockPlaceFor(table, log, override = process.env.SETUP_BINFMT_LOCK_DIR) {
    if (override)
        return { dir: privateDir(override, WHAT), sudo: false };
    if (table.shared?.alongsideHost) {
        return { host: await lockDirFor(table.root, log), engine: table.shared };
    }
    return table.shared ?? lockDirFor(table.root, log);
}
async function lockDirFor(root, log) {
    const instance = (0,external_node_path_namespaceObject.join)(HOST_DIR, `binfmt_misc-${(0,external_node_fs_namespaceObject.statSync)(root).dev}`);
    if (process.geteuid?.() === 0) {
        privateDir(HOST_DIR, WHAT, 0o755);
        return { dir: privateDir(instance, WHAT), sudo: false };
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
const newOwnerId = () => (0,external_node_crypto_namespaceObject.randomUUID)();
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
    if (isJoint(place)) {
        // Always root's folder first, then the engine: two runs never wait for each other crosswise.
        const { host, engine } = place;
        return withLock(host, () => engine.lock(fn, timeoutMs), log, timeoutMs);
    }
    if (!inFolder(place))
        return place.lock(fn, timeoutMs);
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
/** "run ID (pid N, since ISO time)" for each owner, for log lines. */
function describeOwners(owners) {
    return owners
        .map(o => `run ${o.id} (${o.container ? `container ${o.container.slice(0, 12)}, ` : ''}${o.pid ? `pid ${o.pid}, ` : ''}since ${new Date(o.since).toISOString()})`)
        .join(', ');
}
/** The name of the GitHub runner's process that runs one job, main, run: steps and post. */
const WORKER = 'Runner.Worker';
/** The fields of /proc/PID/stat from field 3 on, or undefined when the process is gone or hidden. */
function statFields(pid) {
    try {
        const stat = (0,external_node_fs_namespaceObject.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // The name in parentheses may hold spaces and ')': the fields after the last ')' are fixed.
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    }
    catch {
        return undefined;
    }
}
function parentOf(pid) {
    return Number(statFields(pid)?.[1]) || undefined;
}
/**
 * When process `pid` started (field 22 of /proc/PID/stat, clock ticks since boot): with the
 * pid it names one process for good, where a pid alone is reused once the process is gone.
 */
function startTime(pid) {
    return Number(statFields(pid)?.[19]) || undefined;
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
            if ((0,external_node_fs_namespaceObject.readFileSync)(`/proc/${pid}/comm`, 'utf8').trim() === WORKER)
                return pid;
        }
        catch {
            return undefined;
        }
        pid = parentOf(pid);
    }
    return undefined;
}
let ownPidNamespace;
/** This process's pid namespace, read once: isLive asks for it for every owner. */
function pidNamespace() {
    if (ownPidNamespace === undefined) {
        try {
            ownPidNamespace = (0,external_node_fs_namespaceObject.readlinkSync)('/proc/self/ns/pid');
        }
        catch {
            ownPidNamespace = null;
        }
    }
    return ownPidNamespace ?? undefined;
}
/**
 * The id of the container this process runs in, from the engine's bind mount of its
 * /etc/hostname (Docker: .../containers/ID/hostname; Podman: .../overlay-containers/ID/...).
 */
function containerId() {
    try {
        for (const line of (0,external_node_fs_namespaceObject.readFileSync)('/proc/self/mountinfo', 'utf8').split('\n')) {
            const [, , , source, target] = line.split(' ');
            if (target !== '/etc/hostname')
                continue;
            const id = /containers\/([0-9a-f]{64})\//.exec(source ?? '')?.[1];
            if (id)
                return id;
        }
    }
    catch {
        // No /proc: no container to name.
    }
    return undefined;
}
/** This run as an owner: `pid` is a process that lives as long as the run (see runPid). */
function ownerHere(pid) {
    return {
        since: Date.now(),
        pid,
        start: pid === undefined ? undefined : startTime(pid),
        pidns: pid === undefined ? undefined : pidNamespace(),
        container: containerId()
    };
}
/** Runs that never cleaned up stop counting when their worker is gone, or after a day. */
const STALE_MS = 24 * 60 * 60 * 1000;
/**
 * Whether run `o` still goes on: its container runs (when `running` lists the engine's), its
 * process lives, and it is younger than `maxAgeMs`.
 */
function isLive(o, now, running, maxAgeMs = STALE_MS) {
    if (now - o.since >= maxAgeMs)
        return false;
    if (o.container && running)
        return running.has(o.container);
    if (!o.pid)
        return true;
    // A process in another pid namespace (another container's) is not ours to look up.
    if (o.pidns && o.pidns !== pidNamespace())
        return true;
    // A record without a start time (an older setup-binfmt's), or a process this user cannot
    // see in /proc (hidepid) though it exists: the pid alone decides, as it did before.
    if (o.start === undefined)
        return alive(o.pid);
    const start = startTime(o.pid);
    return start === undefined ? alive(o.pid) : start === o.start;
}
const OWNERS = 'owners.json';
const newest = (r) => Math.max(0, ...Object.values(r.owners).map(o => o.since));
/** Two owners records as one: the runs of an entry together; of two definitions, the newer use. */
function mergeRecords(a, b) {
    const out = { ...a };
    for (const [name, record] of Object.entries(b)) {
        const have = out[name];
        if (have && sameDefinition(have.entry, record.entry)) {
            out[name] = { entry: have.entry, owners: { ...have.owners, ...record.owners } };
        }
        else if (!have || newest(record) >= newest(have))
            out[name] = record;
    }
    return out;
}
async function readOwners(place, log) {
    if (!inFolder(place))
        return place.read();
    const path = (0,external_node_path_namespaceObject.join)(place.dir, OWNERS);
    if (!place.sudo)
        return readPrivateFile(path, WHAT);
    const result = await exec_run(['sudo', '-n', 'cat', path], { allowFailure: true, log });
    if (result.code === 0)
        return result.stdout;
    if (/No such file/.test(result.stderr))
        return undefined;
    throw new Error(`Cannot read ${path} through sudo: ${lastLine(result.stderr)}`);
}
async function writeOwners(place, text, log) {
    if (!inFolder(place))
        return place.write(text);
    if (!place.sudo)
        return writePrivateFile(place.dir, OWNERS, text);
    // A fresh file, created exclusively and never through a link, then renamed over the old.
    const temp = (0,external_node_path_namespaceObject.join)(place.dir, `.${OWNERS}.${(0,external_node_crypto_namespaceObject.randomUUID)()}`);
    await exec_run(['sudo', '-n', 'dd', `of=${temp}`, 'conv=excl', 'oflag=nofollow', 'status=none'], {
        input: text,
        log
    });
    await exec_run(['sudo', '-n', 'mv', '-f', '-T', temp, (0,external_node_path_namespaceObject.join)(place.dir, OWNERS)], { log });
}
const ownerInfo = ([id, o]) => ({
    id,
    pid: o.pid,
    container: o.container,
    since: o.since
});
class Owners {
    place;
    records;
    log;
    running;
    constructor(place, records, log, 
    /** The engine's running containers, for runs recorded by their container. */
    running) {
        this.place = place;
        this.records = records;
        this.log = log;
        this.running = running;
    }
    static async read(place, log) {
        let records = {};
        for (const part of partsOf(place)) {
            const text = await readOwners(part, log);
            try {
                if (text)
                    records = mergeRecords(records, JSON.parse(text));
            }
            catch (e) {
                // Written by rename, so never half; unreadable means damaged: start afresh rather
                // than block every run on the host, and say so.
                const where = inFolder(part) ? (0,external_node_path_namespaceObject.join)(part.dir, OWNERS) : part.where;
                log?.warning(`${where} is not valid JSON (${e.message}): starting afresh`);
            }
        }
        const engine = isJoint(place) ? place.engine : inFolder(place) ? undefined : place;
        return new Owners(place, records, log, await engine?.running());
    }
    /** Write the record back, without the runs that are over (each would stay for good). */
    async save() {
        const now = Date.now();
        for (const [name, record] of Object.entries(this.records)) {
            const owners = Object.entries(record.owners).filter(([id, o]) => {
                if (isLive(o, now, this.running))
                    return true;
                this.log?.debug(`${name}: forgetting run ${id}, which is over`);
                return false;
            });
            if (owners.length === 0)
                delete this.records[name];
            else
                this.records[name] = { ...record, owners: Object.fromEntries(owners) };
        }
        const text = JSON.stringify(this.records, null, 2);
        for (const part of partsOf(this.place))
            await writeOwners(part, text, this.log);
    }
    /** Other runs (not stale) that use this entry, as it is defined now. */
    others(entry, me) {
        const record = this.records[entry.name];
        if (!record || !sameDefinition(record.entry, entry))
            return [];
        const now = Date.now();
        return Object.entries(record.owners)
            .filter(([id, o]) => id !== me && isLive(o, now, this.running))
            .map(ownerInfo);
    }
    /**
     * Drop every run recorded for this entry, live or not, and return the other runs dropped:
     * the operator's way out when a crashed run's record keeps an entry.
     */
    forget(entry, me) {
        const record = this.records[entry.name];
        if (!record || !sameDefinition(record.entry, entry))
            return [];
        delete this.records[entry.name];
        return Object.entries(record.owners)
            .filter(([id]) => id !== me)
            .map(ownerInfo);
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
            owners: {
                ...record.owners,
                [me]: ownerHere(pid)
            }
        };
    }
    /** Run `me` no longer uses `entry` (save() drops the runs that are over). */
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

;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
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
async function heldInterpreter(table, entry) {
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
    const dir = await makeTempDir('held');
    let started;
    try {
        const path = (0,external_node_path_namespaceObject.join)(dir, 'program');
        const fifo = (0,external_node_path_namespaceObject.join)(dir, 'log');
        await (0,promises_namespaceObject.writeFile)(path, program, { mode: 0o700 });
        await exec_run(['mkfifo', '-m', '600', fifo]);
        // No PATH, nothing of ours: only what stops QEMU at its log file.
        started = await table.start([path], { env: { QEMU_LOG: 'unimp', QEMU_LOG_FILENAME: fifo } });
        const proc = `/proc/${started.pid}`;
        for (const deadline = Date.now() + TIMEOUT_MS; Date.now() < deadline; await (0,external_node_timers_promises_namespaceObject.setTimeout)(5)) {
            const procStat = await (0,promises_namespaceObject.readFile)(`${proc}/stat`, 'utf8').catch(() => '');
            // The state follows the command name in parentheses; Z: it ended, waiting to be reaped.
            if (!procStat || procStat.slice(procStat.lastIndexOf(')') + 2).startsWith('Z')) {
                return {
                    why: `its interpreter ${entry.interpreter} ran and ended without opening QEMU's log (not QEMU?)`
                };
            }
            const wchan = await (0,promises_namespaceObject.readFile)(`${proc}/wchan`, 'utf8').catch(() => '');
            if (wchan !== FIFO_WAIT)
                continue;
            // The kernel that started it must be this table's: each binfmt_misc instance is its own
            // filesystem, so the program's view of the folder and ours have one device number.
            const [seen, ours] = await Promise.all([
                (0,promises_namespaceObject.stat)(`${proc}/root${DEFAULT_ROOT}`),
                (0,promises_namespaceObject.stat)(table.root)
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
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
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
        table.interpreterDigest(wanted.interpreter)
    ]);
    return have !== undefined && have === want;
}

;// CONCATENATED MODULE: ./src/binfmt/register.ts
// Put our entries in the table without disturbing anyone else's: reuse an identical entry,
// step around a different one (ours, registered later, matches first), never overwrite.




/**
 * The binfmt_misc entry names tried for a target: qemu-<target> first, then names that still
 * start with it.
 */
function entryNames(targetName) {
    const base = `qemu-${targetName}`;
    return [
        base,
        `${base}-setup-binfmt`,
        ...[2, 3, 4, 5, 6, 7, 8, 9].map(n => `${base}-setup-binfmt-${n}`)
    ];
}
function wantedEntry(targetName, interpreter, flags) {
    const t = target(targetName);
    return {
        name: `qemu-${t.name}`,
        enabled: true,
        interpreter,
        flags,
        offset: 0,
        magic: t.magic,
        mask: t.mask
    };
}
/**
 * `reset`: remove the qemu-* entries post can register again exactly as they were, recording
 * each, newest first as the kernel matches them, so post puts them back in their old order.
 * An entry that could not come back as it was stays in place, with the reason in the log.
 */
async function resetQemuEntries(table, journal, log, owners) {
    const removed = [];
    /** Entries that stay, in match order: each is tried before the older ones after it. */
    const staying = [];
    for (const entry of await table.inMatchOrder()) {
        if (!entry.name.startsWith('qemu-')) {
            staying.push(entry);
            continue;
        }
        const others = owners.others(entry, journal.owner);
        if (others.length > 0) {
            log.info(`reset: kept ${entry.name}: still used by ${describeOwners(others)}`);
            staying.push(entry);
            continue;
        }
        const record = await recordToRestore(table, entry, staying);
        if (typeof record === 'string') {
            log.notice(`reset: kept ${entry.name} in place: ${record}`);
            staying.push(entry);
            continue;
        }
        removed.push(record);
        await journal.writeAhead(() => journal.removed(record), () => table.remove(entry.name));
        owners.release(entry, journal.owner);
        await owners.save();
        log.info(`reset: removed ${entry.name} (${entry.interpreter}, flags ${entry.flags || 'none'}); post puts it back`);
    }
    if (removed.length === 0)
        log.info('reset: no qemu-* entries to remove');
    return removed;
}
/**
 * What post needs to register `entry` again exactly as it is (for an F entry, the SHA-256 of
 * the interpreter the kernel holds, which post finds again at its path), or why it could not.
 */
async function recordToRestore(table, entry, newerStaying) {
    const exact = kernelLine(entry);
    if ('why' in exact)
        return `it could not be registered again: ${exact.why}`;
    const ahead = newerStaying.find(k => k.enabled && entry.enabled && overlaps(k, entry));
    if (ahead) {
        return (`${ahead.name}, registered later and matching the same programs, stays; ` +
            `registered again after the job, ${entry.name} would be tried before it instead of after`);
    }
    if (!entry.flags.includes('F'))
        return entry;
    const path = entry.interpreter;
    const held = await heldInterpreter(table, entry);
    if ('why' in held) {
        return (`with the F flag the kernel holds its interpreter open, and that file could not be read ` +
            `to check that registering it again gives the same one (${held.why})`);
    }
    const onDisk = await fileDigest(path);
    if (onDisk === undefined) {
        return (`with the F flag the kernel holds its interpreter open, but ${path} no longer exists ` +
            `(deleted, or a path inside the container that registered it), so registering it again would fail`);
    }
    if (onDisk !== held.sha256) {
        return (`with the F flag the kernel holds its interpreter open, and ${path} is no longer that file ` +
            `(replaced since), so registering it again would run another interpreter`);
    }
    return { ...entry, heldSha256: held.sha256 };
}
async function registerTarget(table, journal, targetName, interpreter, flags, log, owners) {
    const shadowed = [];
    for (const name of entryNames(targetName)) {
        const wanted = { ...wantedEntry(targetName, interpreter, flags), name };
        const existing = await table.get(name);
        if (!existing) {
            await journal.writeAhead(() => journal.created(wanted), () => table.register(wanted));
            owners.use(wanted, journal.owner, runPid());
            await owners.save();
            return { target: targetName, entry: wanted, action: 'registered', shadowed };
        }
        if (await sameEntry(existing, wanted, table)) {
            const others = owners.others(existing, journal.owner);
            if (others.length > 0) {
                // Registered by another run of ours still going: share it, so its cleanup leaves it
                // to us. One nobody uses any more (cleanup: false, an old install) was there before
                // this run: it stays in our snapshot and is never ours to remove.
                owners.use(existing, journal.owner, runPid());
                await owners.save();
                journal.adopted(existing);
            }
            log.info(`${name}: an identical entry is already registered (${existing.interpreter}, flags ${existing.flags}): reusing it` +
                (others.length > 0 ? `, shared with ${describeOwners(others)}` : ''));
            return { target: targetName, entry: existing, action: 'reused', shadowed };
        }
        shadowed.push(existing);
        log.info(`${name} exists and differs (${describe(existing)}): leaving it untouched; ours goes under another name and matches first`);
    }
    const names = entryNames(targetName);
    throw new Error(`Every entry name for ${targetName} (${names[0]} to ${names[names.length - 1]}) is taken by a different entry: ` +
        `remove some with 'setup-binfmt uninstall', or use reset: true`);
}
function describe(e) {
    return `${e.enabled ? 'enabled' : 'disabled'}, interpreter ${e.interpreter}, flags ${e.flags || 'none'}`;
}

;// CONCATENATED MODULE: ./src/export/record.ts
// The record of what export wrote: every file, with its SHA-256, in <install-dir>/exported.json,
// so removal deletes exactly those files, and only while they still hold what was written.



/** Where the interpreters go: <install-dir>/<QEMU version>/qemu-<target>. */
const DEFAULT_INSTALL_DIR = '/usr/local/lib/setup-binfmt';
/** The record of what export wrote, in the install folder. */
const MANIFEST_NAME = 'exported.json';
function manifestPath(installDir) {
    return (0,external_node_path_namespaceObject.join)(installDir, MANIFEST_NAME);
}
/** Absolute, and nothing the kernel's ':'-separated line or a newline would break. */
function checkDir(what, dir) {
    const abs = (0,external_node_path_namespaceObject.resolve)(dir);
    if (/[:\n\0]/.test(abs)) {
        throw new Error(`${what} '${dir}' must not contain ':' or a newline`);
    }
    return abs.replace(/\/+$/, '') || '/';
}
async function loadExportManifest(installDir) {
    const path = manifestPath(installDir);
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(path, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw e;
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`${path} is not valid JSON: ${e.message}`, { cause: e });
    }
    if (parsed?.version !== 1 || !Array.isArray(parsed.files)) {
        throw new Error(`${path} is not a setup-binfmt export manifest (version 1)`);
    }
    return parsed;
}
async function saveManifest(installDir, manifest) {
    const path = manifestPath(installDir);
    writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o644 });
}

;// CONCATENATED MODULE: ./src/export/plan.ts
// What export would do for each target, before it writes anything: the interpreter copy under
// the install folder and the format file, each to create, replace or leave unchanged, and the
// files in the way that export did not write (it never replaces those).









/** The version as a folder name; anything odd (or unknown) becomes 'unknown'. */
function versionFolder(version) {
    return /^[0-9A-Za-z][0-9A-Za-z._+~-]{0,63}$/.test(version) ? version : 'unknown';
}
/** What export would do for each target: the interpreter copy and the format file. */
async function planExport(options) {
    const format = options.format;
    const installDir = checkDir('install-dir', options.installDir ?? DEFAULT_INSTALL_DIR);
    const dir = checkDir('dir', options.dir ?? DEFAULT_EXPORT_DIRS[format]);
    const version = versionFolder(options.acquired.version);
    const recorded = new Map(((await loadExportManifest(installDir))?.files ?? []).map(f => [f.path, f]));
    const files = [];
    const formatFiles = [];
    const entries = [];
    const conflicts = [];
    const decide = async (path, sha256) => {
        if (!(0,external_node_fs_namespaceObject.existsSync)(path))
            return 'create';
        const current = await fileDigest(path);
        const mine = recorded.get(path);
        if (!mine) {
            conflicts.push(`${path} exists and setup-binfmt did not write it` +
                (path.startsWith('/usr/share/binfmts/') || path.startsWith('/usr/lib/')
                    ? ` (a package's? dpkg -S ${path})`
                    : ''));
        }
        else if (mine.sha256 !== current) {
            conflicts.push(`${path} was changed after setup-binfmt wrote it`);
        }
        return current === sha256 ? 'unchanged' : 'replace';
    };
    for (const [t, source] of options.acquired.interpreters) {
        const interpreter = (0,external_node_path_namespaceObject.join)(installDir, version, `qemu-${target(t).interpreter}`);
        if (!files.some(f => f.path === interpreter)) {
            const sha256 = await fileDigest(source);
            if (!sha256)
                throw new Error(`Cannot read the interpreter ${source} for ${t}`);
            files.push({
                path: interpreter,
                kind: 'interpreter',
                target: t,
                sha256,
                source,
                action: await decide(interpreter, sha256)
            });
        }
        const entry = wantedEntry(t, interpreter, options.flags);
        entries.push(entry);
        const text = format === 'systemd'
            ? systemdConf(entry, options.acquired.version || 'unknown')
            : binfmtSupportTemplate(entry);
        const path = (0,external_node_path_namespaceObject.join)(dir, format === 'systemd' ? `${entry.name}.conf` : entry.name);
        if (format === 'binfmt-support') {
            const taken = await heldByOtherPackage(options.adminDir ?? BINFMT_SUPPORT_ADMIN_DIR, entry);
            if (taken)
                conflicts.push(taken);
        }
        const sha256 = hash_sha256(text);
        formatFiles.push({
            path,
            kind: format,
            target: t,
            sha256,
            text,
            entry: entry.name,
            interpreter,
            action: await decide(path, sha256)
        });
    }
    return {
        format,
        dir,
        installDir,
        manifestPath: manifestPath(installDir),
        version,
        entries,
        files: [...files, ...formatFiles],
        conflicts,
        dryRun: options.dryRun ?? false,
        activate: activation(format, dir, formatFiles)
    };
}
/**
 * update-binfmts keeps one format per name and never takes one over from another package:
 * `--import` of a name the database holds for, say, qemu-user-static only warns ("already
 * installed by qemu-user-static"), exits 0 and registers nothing, now or at boot. Such a name
 * is a conflict, with the fix.
 */
async function heldByOtherPackage(adminDir, entry) {
    const path = (0,external_node_path_namespaceObject.join)(adminDir, entry.name);
    let lines;
    try {
        // package, type, offset, magic, mask, interpreter, detector, credentials, preserve, fix_binary
        lines = (await (0,promises_namespaceObject.readFile)(path, 'utf8')).split('\n');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw new Error(`Cannot read binfmt-support's database entry ${path}: ${e.message}`, {
            cause: e
        });
    }
    const owner = lines[0]?.trim() ?? '';
    if (owner === PACKAGE)
        return undefined;
    const interpreter = lines[5]?.trim() || '<interpreter>';
    return (`binfmt-support's database ${path} holds ${entry.name} for package ${owner || '(none)'}, ` +
        `so 'update-binfmts --import ${entry.name}' would only warn and register nothing. ` +
        `Remove that format first (apt-get remove ${owner || 'the package'}, or ` +
        `update-binfmts --package ${owner || '<package>'} --remove ${entry.name} ${interpreter}), ` +
        `or use --format systemd`);
}

;// CONCATENATED MODULE: ./src/export/write.ts
// Emulation that survives a reboot: copy the interpreters to a stable folder and write one
// file per target in the format the machine's own boot-time loader reads (formats.ts).
// Nothing is registered here: the loaders do that, at boot or when told to (the activation
// commands). Every file written is recorded (record.ts); export never replaces a file it did
// not write.






/** Copy an interpreter into place, mode 0755, once the copy's SHA-256 is the source's. */
function copyChecked(source, path, sha256) {
    return copyFileAtomic(source, path, {
        mode: 0o755,
        check: async (copy) => {
            const copied = await fileDigest(copy);
            if (copied !== sha256) {
                throw new Error(`the copy of ${source} differs from it (SHA-256 ${copied} != ${sha256})`);
            }
        }
    });
}
/** Permission problems get a hint: export writes system folders. */
function writeError(path, e) {
    const code = e.code;
    const hint = code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? ' (export writes system folders: run it as root, or choose --dir and --install-dir)'
        : '';
    return new Error(`Cannot write ${path}: ${e.message}${hint}`, { cause: e });
}
/**
 * Copy the interpreters to <installDir>/<version>/ and write one format file per target into
 * `dir`, recording each file in the manifest once it is in place. Refuses, before writing
 * anything, when a file it would replace is not one it wrote. With dryRun, writes nothing
 * and returns the texts (and conflicts) instead.
 */
async function exportFiles(options) {
    const result = await planExport(options);
    const log = options.log;
    if (result.dryRun)
        return result;
    if (result.conflicts.length > 0) {
        throw new Error(`export would replace files that are not its own:\n  ${result.conflicts.join('\n  ')}\n` +
            `Remove them (or what installed them), or export elsewhere with --dir and --install-dir ` +
            `(a name binfmt-support's database holds for another package needs that format removed).`);
    }
    const previous = await loadExportManifest(result.installDir);
    const manifest = {
        version: 1,
        files: [...(previous?.files ?? [])],
        dirs: [...(previous?.dirs ?? [])]
    };
    const record = async (f) => {
        const { path, kind, target, sha256, entry, interpreter } = f;
        manifest.files = [
            ...manifest.files.filter(x => x.path !== path),
            { path, kind, target, sha256, entry, interpreter }
        ];
        await saveManifest(result.installDir, manifest);
    };
    for (const folder of [(0,external_node_path_namespaceObject.join)(result.installDir, result.version), result.dir]) {
        let first;
        try {
            first = await (0,promises_namespaceObject.mkdir)(folder, { recursive: true, mode: 0o755 });
        }
        catch (e) {
            throw writeError(folder, e);
        }
        // mkdir names the first folder it created; it created every one from there down.
        for (let d = folder; first && d.startsWith(first); d = (0,external_node_path_namespaceObject.dirname)(d)) {
            if (!manifest.dirs.includes(d))
                manifest.dirs.push(d);
            if (d === first)
                break;
        }
    }
    for (const f of result.files) {
        if (f.action !== 'unchanged') {
            try {
                if (f.kind === 'interpreter')
                    await copyChecked(f.source, f.path, f.sha256);
                else
                    writeFileAtomic(f.path, f.text, { mode: 0o644 });
            }
            catch (e) {
                throw writeError(f.path, e);
            }
        }
        await record(f);
        log?.info(`${f.action === 'unchanged' ? 'unchanged' : f.action === 'create' ? 'wrote' : 'replaced'} ${f.path}` +
            (f.kind === 'interpreter' ? ` (copy of ${f.source})` : ` (${f.entry})`));
    }
    return result;
}

;// CONCATENATED MODULE: ./src/export/platforms.ts
// `setup-binfmt export` end to end: which platforms need emulation, their interpreters from
// the chosen source (as install gets them), then the files (write.ts).





/**
 * `setup-binfmt export`: the platforms of `options` that the host does not run natively, their
 * interpreters from the chosen source (as install gets them), exported in `request.format`.
 */
async function exportPlatforms(options, request, deps) {
    const { log } = deps;
    const native = deps.native ?? (await nativeTargets(await BinfmtTable.read(), log));
    const p = makePlan(options.platforms, native, log);
    const acquired = p.targets.length === 0 ? undefined : await acquire({ ...options, targets: p.targets }, log);
    const result = await exportFiles({
        ...request,
        acquired: acquired ?? { interpreters: new Map(), version: '' },
        flags: options.flags,
        log
    });
    return { ...result, plan: p, acquired };
}

;// CONCATENATED MODULE: ./src/export/remove.ts
// Undoing export: delete exactly the files its record lists while they still hold what was
// written, and name the commands that take the entries out of the running kernel's table.






/**
 * Delete what export wrote, as its manifest lists it: format files, interpreters, the
 * manifest, and the folders export created when that leaves them empty. A file whose content
 * changed since is left alone. Nothing the manifest does not list is touched.
 */
async function removeExported(options = {}) {
    const installDir = checkDir('install-dir', options.installDir ?? DEFAULT_INSTALL_DIR);
    const path = manifestPath(installDir);
    const manifest = await loadExportManifest(installDir);
    const result = { manifestPath: path, removed: [], kept: [] };
    const missing = [];
    if (!manifest) {
        options.log?.info(`Nothing to remove: ${path} does not exist (export has not run here)`);
        return { ...result, missing, deactivate: [] };
    }
    // Format files first: a loader never sees an entry whose interpreter is gone.
    const ordered = [
        ...manifest.files.filter(f => f.kind !== 'interpreter'),
        ...manifest.files.filter(f => f.kind === 'interpreter')
    ];
    for (const f of ordered) {
        if (!(0,external_node_fs_namespaceObject.existsSync)(f.path)) {
            missing.push(f.path);
            continue;
        }
        if ((await fileDigest(f.path)) !== f.sha256) {
            options.log?.warning(`${f.path} changed after setup-binfmt wrote it: leaving it in place`);
            result.kept.push(f.path);
            continue;
        }
        await (0,promises_namespaceObject.rm)(f.path);
        options.log?.info(`removed ${f.path}`);
        result.removed.push(f.path);
    }
    await (0,promises_namespaceObject.rm)(path, { force: true });
    // Folders export created, deepest first, when that leaves them empty.
    const folders = [...(manifest.dirs ?? [])].sort((a, b) => b.length - a.length);
    for (const folder of folders) {
        await (0,promises_namespaceObject.rmdir)(folder).catch(() => undefined); // not empty, or gone: leave it
    }
    return { ...result, missing, deactivate: await deactivation(manifest, options.root) };
}
async function deactivation(manifest, root = DEFAULT_ROOT) {
    const registered = await BinfmtTable.read(root).catch(() => []);
    const hints = [];
    for (const f of manifest.files) {
        if (!f.entry || !f.interpreter)
            continue;
        if (f.kind === 'binfmt-support') {
            // Removes it from binfmt-support's database and, when enabled, from the kernel.
            hints.push(`update-binfmts --package ${PACKAGE} --remove ${f.entry} ${f.interpreter}`);
        }
        else if (registered.some(e => e.name === f.entry && e.interpreter === f.interpreter)) {
            hints.push(`echo -1 > ${(0,external_node_path_namespaceObject.join)(root, f.entry)}`);
        }
    }
    return [...new Set(hints)];
}

;// CONCATENATED MODULE: ./src/qemu/request.ts
// What a run asks of the QEMU side, and what it gets back: the types every source shares.
const SOURCES = ['auto', 'download', 'package', 'system'];

;// CONCATENATED MODULE: external "node:perf_hooks"
const external_node_perf_hooks_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");
;// CONCATENATED MODULE: ./src/verify/images.ts
// Container images built in memory, as the archive `docker load` reads: the `docker save`
// layout (manifest.json, one config JSON named by its sha256, one layer tar per image). Every
// docker since 1.10 loads it; an OCI layout (index.json) only loads in docker 25 and later.
//
// Deterministic: the same files give the same bytes, so the same layer digest and image id.
// Tar entries have mtime 0, uid and gid 0, no user names; the config's dates are the epoch.


const BLOCK = 512;
/** An octal number field: `width - 1` digits and a NUL. */
function images_octal(value, width) {
    const digits = value.toString(8);
    if (digits.length > width - 1)
        throw new Error(`${value} does not fit a ${width}-byte tar field`);
    return `${digits.padStart(width - 1, '0')}\0`;
}
/** Split a path into ustar's name (100 bytes) and prefix (155 bytes), or throw. */
function splitName(path) {
    if (Buffer.byteLength(path) <= 100)
        return [path, ''];
    // The prefix ends before a '/', which is not stored: search from the end for a split that fits.
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
        const name = path.slice(i + 1);
        const prefix = path.slice(0, i);
        if (Buffer.byteLength(name) > 100)
            break;
        if (name && Buffer.byteLength(prefix) <= 155)
            return [name, prefix];
    }
    throw new Error(`Path '${path}' is too long for a ustar header`);
}
function header(entry, size) {
    const h = Buffer.alloc(BLOCK);
    const [name, prefix] = splitName(entry.path);
    const put = (text, at, width) => {
        if (Buffer.byteLength(text) > width)
            throw new Error(`'${text}' does not fit a tar header`);
        h.write(text, at, width, 'utf8');
    };
    put(name, 0, 100);
    put(images_octal(entry.mode & 0o7777, 8), 100, 8);
    put(images_octal(0, 8), 108, 8); // uid
    put(images_octal(0, 8), 116, 8); // gid
    put(images_octal(size, 12), 124, 12);
    put(images_octal(0, 12), 136, 12); // mtime
    put({ file: '0', symlink: '2', directory: '5' }[entry.type], 156, 1);
    if (entry.type === 'symlink')
        put(entry.target ?? '', 157, 100);
    put('ustar\0', 257, 6);
    put('00', 263, 2);
    put(images_octal(0, 8), 329, 8); // devmajor
    put(images_octal(0, 8), 337, 8); // devminor
    put(prefix, 345, 155);
    // The checksum is the byte sum of the header with the checksum field read as spaces.
    h.fill(' ', 148, 156);
    const sum = h.reduce((a, b) => a + b, 0);
    put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
    return h;
}
/** A tar archive of `entries`, in the order given, ending with two zero blocks. */
function tar(entries) {
    const parts = [];
    for (const entry of entries) {
        const content = entry.type === 'file' ? (entry.content ?? Buffer.alloc(0)) : Buffer.alloc(0);
        parts.push(header(entry, content.length), content);
        const pad = (BLOCK - (content.length % BLOCK)) % BLOCK;
        if (pad)
            parts.push(Buffer.alloc(pad));
    }
    parts.push(Buffer.alloc(2 * BLOCK));
    return Buffer.concat(parts);
}
const EPOCH = '1970-01-01T00:00:00Z';
const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/**
 * An OCI platform string as image configs spell it. Variants are filled in as docker and
 * buildx write them: arm64 is v8, arm without a variant is v7.
 */
function imagePlatform(platform) {
    const parts = platform.split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some(p => !/^[a-z0-9_.-]+$/i.test(p))) {
        throw new Error(`'${platform}' is not an OCI platform like linux/arm64 or linux/arm/v7`);
    }
    const [os, architecture, given] = parts;
    const variant = given ?? (architecture === 'arm64' ? 'v8' : architecture === 'arm' ? 'v7' : '');
    return variant ? { os, architecture, variant } : { os, architecture };
}
/** The image's files as a layer tar: parents made as directories, sorted by path. */
function layerTar(files) {
    const entries = new Map();
    const addDirectory = (path, mode = 0o755) => {
        if (!entries.has(path))
            entries.set(path, { path: `${path}/`, type: 'directory', mode });
    };
    for (const file of files) {
        const path = relativePath(file.path);
        if (entries.has(path) && entries.get(path)?.type !== 'directory') {
            throw new Error(`'${file.path}' is given twice`);
        }
        const dirs = path.split('/').slice(0, -1);
        dirs.forEach((_, i) => addDirectory(dirs.slice(0, i + 1).join('/')));
        if (file.directory) {
            entries.set(path, { path: `${path}/`, type: 'directory', mode: file.mode ?? 0o755 });
        }
        else if (file.symlink !== undefined) {
            entries.set(path, { path, type: 'symlink', mode: 0o777, target: file.symlink });
        }
        else {
            const content = typeof file.content === 'string'
                ? Buffer.from(file.content)
                : (file.content ?? Buffer.alloc(0));
            entries.set(path, { path, type: 'file', mode: file.mode ?? 0o644, content });
        }
    }
    // Sorted, so the input order does not change the bytes; a parent sorts before its children.
    const sorted = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return tar(sorted.map(k => entries.get(k)));
}
function relativePath(path) {
    const normal = external_node_path_namespaceObject.posix.normalize(`/${path}`).replace(/^\/+/, '').replace(/\/+$/, '');
    if (!normal || normal === '.' || normal.split('/').includes('..') || path.includes('\0')) {
        throw new Error(`'${path}' is not a usable path for a file in an image`);
    }
    return normal;
}
/** Build one image: its layer, its config, and the id docker will give it. */
function buildImage(spec) {
    const platform = imagePlatform(spec.platform);
    const layer = layerTar(spec.files);
    const diffId = `sha256:${hash_sha256(layer)}`;
    const config = Buffer.from(JSON.stringify({
        architecture: platform.architecture,
        ...(platform.variant ? { variant: platform.variant } : {}),
        os: platform.os,
        created: EPOCH,
        config: {
            Env: [...(spec.env ?? [DEFAULT_PATH])],
            Entrypoint: spec.entrypoint ? [...spec.entrypoint] : null,
            Cmd: spec.cmd ? [...spec.cmd] : null,
            WorkingDir: '/'
        },
        rootfs: { type: 'layers', diff_ids: [diffId] },
        history: [{ created: EPOCH, created_by: 'setup-binfmt (src/oci.ts)' }]
    }));
    return { tag: spec.tag, platform, id: `sha256:${hash_sha256(config)}`, config, layer, diffId };
}
/**
 * A `docker save`-style archive holding every image in `specs`: one `docker load` loads all
 * of them. Layers with the same digest are stored once.
 */
function imageArchive(specs) {
    const images = specs.map(buildImage);
    const entries = [];
    const seen = new Set();
    for (const image of images) {
        const hex = image.diffId.slice('sha256:'.length);
        if (seen.has(hex))
            continue;
        seen.add(hex);
        entries.push({ path: `${hex}/`, type: 'directory', mode: 0o755 }, { path: `${hex}/layer.tar`, type: 'file', mode: 0o644, content: image.layer });
    }
    for (const image of images) {
        const name = `${image.id.slice('sha256:'.length)}.json`;
        if (seen.has(name))
            continue;
        seen.add(name);
        entries.push({ path: name, type: 'file', mode: 0o644, content: image.config });
    }
    const manifest = images.map(image => ({
        Config: `${image.id.slice('sha256:'.length)}.json`,
        RepoTags: [image.tag],
        Layers: [`${image.diffId.slice('sha256:'.length)}/layer.tar`]
    }));
    entries.push({
        path: 'manifest.json',
        type: 'file',
        mode: 0o644,
        content: Buffer.from(JSON.stringify(manifest))
    });
    return { archive: tar(entries), images };
}

;// CONCATENATED MODULE: ./src/verify/containers.ts
// Emulation as containers see it: Docker (and Podman) run foreign images through the host's
// global binfmt_misc table, so a registered entry only helps `docker run --platform` when its
// interpreter can be opened from inside the container (the F flag).
//
// Every function takes the container engine as an option: `docker` (the default) or
// `podman`, whose load, run and rmi take the same arguments. Podman as root needs no daemon.
//
// The engines, and one container per target: dockerSmoke builds one tiny image per target in
// memory (images.ts) holding the target's probe as /probe, loads them all with one `load`,
// runs them all at once with --platform, and removes them again; container-check.ts uses it
// for targets without a chain probe. dockerUname runs `uname -m` in a user's image per target.
//
// Measured on a 2-core machine with docker.io 20.10: one `docker load` of three probe images
// takes about 0.4 s; the three runs together about 0.8 s; `docker rmi` 0.05 s. Hence the
// chain of container-check.ts: one `import` (0.1 s) and one run.







// --- Container engines -------------------------------------------------------------------
const ENGINE_NAMES = ['docker', 'podman'];
/** An engine by name, with global options (before the subcommand) and run options. */
function containerEngine(name, options = {}) {
    return { name, command: [name, ...(options.global ?? [])], runOptions: options.run ?? [] };
}
function engineOf(engine) {
    return typeof engine === 'object' ? engine : containerEngine(engine ?? 'docker');
}
const LABEL = { docker: 'Docker', podman: 'Podman' };
/** The repository of the probe images; the tag is the target. */
const PROBE_REPOSITORY = 'setup-binfmt-probe';
function probeImageTag(target) {
    return `${PROBE_REPOSITORY}:${target}`;
}
/** The platform a target's containers are run as: the first (newest) of its OCI platforms. */
function dockerPlatform(target) {
    return ociPlatforms(target)[0];
}
/** The probe image of a target: /probe alone, run as the entrypoint. */
function probeImage(target) {
    return {
        tag: probeImageTag(target),
        platform: dockerPlatform(target),
        files: [{ path: '/probe', mode: 0o755, content: probeProgram(target) }],
        entrypoint: ['/probe']
    };
}
const RUN_TIMEOUT = 60_000;
const PULL_TIMEOUT = 300_000;
const QUICK_TIMEOUT = 10_000;
/**
 * True when the engine answers: a Docker daemon `docker version`, Podman (no daemon) `podman
 * version`. Whether it can run containers is for the container check's first container to show
 * (`podman info` would cost more than that container).
 */
async function dockerAvailable(log, engine = 'docker') {
    const e = engineOf(engine);
    const query = e.name === 'podman'
        ? ['version', '--format', '{{.Client.Version}}']
        : ['version', '--format', '{{.Server.Version}}'];
    try {
        const r = await exec_run([...e.command, ...query], {
            allowFailure: true,
            timeoutMs: QUICK_TIMEOUT,
            log
        });
        if (r.code === 0 && r.stdout.trim()) {
            log?.debug(`${e.name}: ${e.name === 'podman' ? '' : 'server '}${r.stdout.trim()} answers`);
            return true;
        }
        log?.debug(`${e.name}: ${e.name === 'podman' ? 'podman version fails' : 'no daemon answers'} ` +
            `(exit ${r.code}: ${dockerError(r.stderr)})`);
        return false;
    }
    catch (err) {
        log?.debug(`${e.name}: ${err.message}`);
        return false;
    }
}
/** The first engine that answers, in the order given (Docker first), or undefined. */
async function availableEngine(log, candidates = ENGINE_NAMES) {
    for (const candidate of candidates) {
        if (await dockerAvailable(log, candidate))
            return engineOf(candidate);
    }
    return undefined;
}
/**
 * Run each target's probe in a container, all targets at once. A result is ok when the
 * container printed exactly the probe's marker line and exited 0. Throws only when the probe
 * images cannot be built or loaded; the images are removed again in every case.
 */
async function dockerSmoke(targets, log, options = {}) {
    return withProbeImages(targets, log, options, unique => runProbes(unique, log, options));
}
function runProbes(targets, log, options) {
    return Promise.all(targets.map(target => runContainer(target, [probeImageTag(target)], `${probeMarker(target)}\n`, log, options)));
}
/** Load the probe images of `targets` with one `load`, run `fn`, and remove them again. */
async function withProbeImages(targets, log, options, fn) {
    const unique = [...new Set(targets)];
    if (unique.length === 0)
        return fn(unique);
    const engine = engineOf(options.engine);
    const { archive } = imageArchive(unique.map(probeImage));
    const tags = unique.map(probeImageTag);
    try {
        log?.debug(`${engine.name}: loading ${tags.join(', ')} (${archive.length} bytes)`);
        try {
            await exec_run([...engine.command, 'load', '-q'], {
                input: archive,
                timeoutMs: RUN_TIMEOUT,
                log
            });
        }
        catch (e) {
            throw new Error(`Cannot load the probe images into ${LABEL[engine.name]}: ${e.message}`, { cause: e });
        }
        return await fn(unique);
    }
    finally {
        await removeImages(engine, tags, log);
    }
}
/** What `uname -m` prints for each target's containers; the first is what QEMU reports. */
const UNAME_MACHINES = {
    x86_64: ['x86_64'],
    // Native 32-bit x86 containers on an x86_64 kernel may report x86_64 (no linux32 personality).
    i386: ['i686', 'i586', 'i486', 'i386', ...(process.arch === 'x64' ? ['x86_64'] : [])],
    aarch64: ['aarch64'],
    aarch64_be: ['aarch64_be'],
    // armv8l: 32-bit ARM run natively on an arm64 kernel.
    arm: ['armv7l', 'armv8l', 'armv6l'],
    armeb: ['armv7b', 'armv8b'],
    riscv64: ['riscv64'],
    riscv32: ['riscv32'],
    ppc64le: ['ppc64le'],
    ppc64: ['ppc64'],
    ppc: ['ppc'],
    s390x: ['s390x'],
    mips64el: ['mips64'],
    mips64: ['mips64'],
    mips: ['mips'],
    mipsel: ['mips'],
    loongarch64: ['loongarch64']
};
/** The machine names `uname -m` may print in a container of `target`. */
function unameMachines(target) {
    return Object.hasOwn(UNAME_MACHINES, target) ? UNAME_MACHINES[target] : [target];
}
/**
 * Run `uname -m` in `image` for each target and compare with the target's machine name.
 * One target after the other: a run for a platform the local image is not pulls it, which
 * moves the image's tag, and runs in parallel would race on that tag.
 */
async function dockerUname(image, targets, log, options = {}) {
    const results = [];
    for (const target of new Set(targets)) {
        results.push(await runContainer(target, [image, 'uname', '-m'], undefined, log, {
            ...options,
            timeoutMs: options.timeoutMs ?? PULL_TIMEOUT
        }));
    }
    return results;
}
/**
 * `docker run` one container of `target`'s platform. With `expected`, ok means exactly that
 * output; without, the output must be one of the target's `uname -m` names.
 */
async function runContainer(target, imageAndArgs, expected, log, options) {
    const platform = dockerPlatform(target);
    const engine = engineOf(options.engine);
    // Named, so a container whose docker client timed out can be removed.
    const name = `setup-binfmt-${target}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`;
    const command = [...engine.command, 'run', '--rm', '--network', 'none', '--name', name];
    command.push(...(engine.runOptions ?? []));
    // Probe images are local: never let a platform mismatch turn into a registry pull.
    if (expected !== undefined)
        command.push('--pull', 'never');
    command.push('--platform', platform, ...imageAndArgs);
    const { r, ms } = await runNamed(engine, command, name, options.timeoutMs ?? RUN_TIMEOUT, log);
    const printed = r.stdout.trim();
    const machines = unameMachines(target);
    const ok = r.code === 0 && (expected !== undefined ? r.stdout === expected : machines.includes(printed));
    const want = expected !== undefined ? JSON.stringify(expected.trim()) : machines.join(' or ');
    const timeout = options.timeoutMs ?? RUN_TIMEOUT;
    const output = ok ? printed : failure(engine, target, r, want, timeout);
    const result = { target, platform, ok, ms, command, code: r.code, output };
    log?.debug(`${engine.name} ${platform} (${target}): ${ok ? 'ok' : 'FAILED'} in ${ms} ms: ${output}`);
    return result;
}
/**
 * Run a `run --name name` command line; when the client is killed by its timeout, the
 * container may still run, and is removed by name.
 */
async function runNamed(engine, command, name, timeoutMs, log) {
    const start = external_node_perf_hooks_namespaceObject.performance.now();
    const r = await exec_run(command, { allowFailure: true, timeoutMs, log }).catch((e) => ({ code: -1, stdout: '', stderr: e.message }));
    const ms = Math.round(external_node_perf_hooks_namespaceObject.performance.now() - start);
    if (r.signal) {
        await exec_run([...engine.command, 'rm', '-f', name], {
            allowFailure: true,
            timeoutMs: QUICK_TIMEOUT,
            log
        });
    }
    return { r, ms };
}
/** What went wrong, in one line: exit status, what was printed, the engine's error, a hint. */
function failure(engine, target, r, want, timeoutMs) {
    const parts = [`exit ${r.code}`];
    if (r.signal) {
        parts.push(`${engine.name} run was killed by ${r.signal} (its timeout is ${timeoutMs / 1000} s)`);
    }
    const printed = r.stdout.trim();
    if (printed || r.code === 0) {
        const shown = printed.length > 200 ? `${printed.slice(0, 200)}...` : printed;
        parts.push(`printed ${JSON.stringify(shown)} instead of ${want}`);
    }
    const error = dockerError(r.stderr);
    if (error)
        parts.push(error);
    const hint = hintFor(engine, target, r.stderr);
    if (hint)
        parts.push(hint);
    return parts.join('; ');
}
function hintFor(engine, target, stderr) {
    if (/exec format error/i.test(stderr) && ownUserNamespace()) {
        return (`this process runs in a user namespace (uid_map ${JSON.stringify(ownUserNamespace())}), whose binfmt_misc ` +
            `is its own: the entries registered here are not in the host's table, which ${LABEL[engine.name]}'s ` +
            `containers use. Register from the host (as root or with sudo), or through the engine (registrar: ${engine.name})`);
    }
    if (/exec format error/i.test(stderr)) {
        return (`the kernel found no binfmt_misc entry for ${target} programs that works in containers ` +
            `(register qemu-${target} with the F flag, so the interpreter is opened outside the container)`);
    }
    if (/no such file or directory/i.test(stderr) && /exec|runc|OCI runtime/i.test(stderr)) {
        return (`an interpreter path in binfmt_misc does not exist inside the container ` +
            `(register qemu-${target} with the F flag)`);
    }
    if (/does not match the specified platform/i.test(stderr)) {
        return `the image is not built for ${dockerPlatform(target)}`;
    }
    // Podman, with --pull never, when no local image has the platform.
    if (/image not known/i.test(stderr)) {
        return `no local image for ${dockerPlatform(target)} (not loaded, or not built for it)`;
    }
    if (/Cannot connect to the Docker daemon|Is the docker daemon running/i.test(stderr)) {
        return 'no Docker daemon answers';
    }
    if (/cgroups in hybrid mode not supported/i.test(stderr)) {
        return (`${engine.name}'s OCI runtime crun cannot run containers on this host's cgroup v1 or hybrid ` +
            `hierarchy: use runc (runtime = "runc" under [engine] in containers.conf)`);
    }
    // runc raising the container's limits above its own (Podman as root asks for 1048576
    // open files) without CAP_SYS_RESOURCE, as inside an unprivileged container.
    if (/setting rlimit/i.test(stderr)) {
        return (`${engine.name} cannot set the container's resource limits here (no CAP_SYS_RESOURCE): ` +
            `give it limits within this process's, e.g. default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"] ` +
            `in containers.conf`);
    }
    return undefined;
}
/**
 * This process's uid_map when it is not the initial user namespace's (then its binfmt_misc,
 * on Linux 6.7+, may be a private instance the engine's containers do not use), else ''.
 */
function ownUserNamespace() {
    try {
        const map = (0,external_node_fs_namespaceObject.readFileSync)('/proc/self/uid_map', 'utf8').trim().replace(/\s+/g, ' ');
        return map === '0 0 4294967295' ? '' : map;
    }
    catch {
        return '';
    }
}
/** The last line of docker's stderr that says something (not "Run 'docker run --help'..."). */
function dockerError(stderr) {
    const lines = stderr
        .split('\n')
        .map(l => l.trim())
        .filter(l => l && !/^(Run|See) 'docker .*--help'/.test(l));
    return lines[lines.length - 1] ?? '';
}
/** Remove images by tag; one that is gone already is fine, anything else is a warning. */
async function removeImages(engine, tags, log) {
    const r = await exec_run([...engine.command, 'rmi', ...tags], {
        allowFailure: true,
        timeoutMs: RUN_TIMEOUT,
        log
    }).catch((e) => ({ code: -1, stdout: '', stderr: e.message }));
    if (r.code === 0)
        return;
    const problems = r.stderr
        .split('\n')
        .map(l => l.trim())
        .filter(l => l && !/no such image|image not known/i.test(l));
    if (problems.length > 0) {
        log?.warning(`${engine.name} rmi ${tags.join(' ')} failed: ${problems[problems.length - 1]}`);
    }
}

;// CONCATENATED MODULE: ./src/util/errno.ts
// errno names by number, from Node's table: libuv's names cover only some (not ENOEXEC).

const NAMES = new Map(Object.entries(external_node_os_namespaceObject.constants.errno).map(([name, n]) => [n, name]));
/** `ENOEXEC` for 8, and so on; `errno <n>` for a number Node does not name. */
function errnoName(n) {
    return NAMES.get(n) ?? `errno ${n}`;
}

;// CONCATENATED MODULE: ./src/verify/container-check.ts
// The container check: does emulation work where containers run? Every foreign probe runs in
// ONE container of this host's own platform, for the cost of one start: its entrypoint is a
// chain probe of the host (probes.ts), which prints its marker and execs the first foreign
// link, which prints its marker and execs the next, and so on. Each foreign exec goes through
// the host's binfmt_misc from inside the container, which needs an interpreter the container
// can reach (the F flag): what `docker run --platform` of a foreign image needs too.
//
// The links reach the engine as a folder Podman runs as the container's root, or as one Docker
// `import` of a tar of them (no image config to build or load), removed again in every case. The host's own link shows that the engine runs containers at all: when
// it does not print, the failure is the engine's, not emulation's. A link whose exec fails
// stops its chain; the links after it run in another round, so every target gets a verdict.
// Targets without a chain probe run as one container each, with --platform (dockerSmoke).









/** The foreign targets, and the first round's links: the host's, then each chained target's. */
function plan(targets, hostTarget) {
    const foreign = [...new Set(targets)].filter(t => t !== hostTarget);
    const chained = foreign.filter(t => CHAIN_PROBE_TARGETS.includes(t));
    return { foreign, chained, links: [hostTarget, ...chained] };
}
/**
 * Start making the first round's image, for the engine about to be asked whether it answers:
 * both take a round trip to the daemon, so they overlap. Hand it to containerCheck, or to
 * discardChain when another engine is taken.
 */
function prepareChain(engine, targets, hostTarget, log, options = {}) {
    const { links } = plan(targets, hostTarget);
    const image = chainImage(engine, chainFiles(links), options.timeoutMs ?? RUN_TIMEOUT, log);
    image.catch(() => { }); // awaited later, by containerCheck or discardChain
    return { engine, links, image };
}
async function discardChain(prepared) {
    await prepared.image.then(i => i.remove(), () => { });
}
async function containerCheck(targets, hostTarget, log, options = {}) {
    const { foreign, chained } = plan(targets, hostTarget);
    const alone = foreign.filter(t => !CHAIN_PROBE_TARGETS.includes(t));
    const [chain, separate] = await Promise.all([
        chainCheck(hostTarget, chained, log, options),
        alone.length > 0 ? dockerSmoke(alone, log, options) : Promise.resolve([])
    ]);
    if (!chain.launcher.ok)
        return { launcher: chain.launcher, results: [] };
    const all = [...chain.results, ...separate];
    return {
        launcher: chain.launcher,
        results: foreign.map(t => all.find(r => r.target === t))
    };
}
/** Rounds of one chain each, until every target has a verdict or the launcher fails. */
async function chainCheck(host, targets, log, options) {
    const engine = engineOf(options.engine);
    const results = [];
    let launcher;
    let pending = [...targets];
    let prepared = options.prepared;
    do {
        const links = [host, ...pending];
        const early = prepared && sameLinks(prepared.links, links) ? prepared.image : undefined;
        prepared = undefined;
        const round = await runChain(engine, links, log, options, early);
        launcher ??= round.launcher;
        if (!round.launcher.ok)
            return { launcher: round.launcher, results: [] };
        results.push(...round.decided);
        pending = round.rest;
    } while (pending.length > 0);
    return { launcher, results };
}
const sameLinks = (a, b) => a.length === b.length && a.every((t, i) => t === b[i]);
const LINK_DIR = '/setup-binfmt';
const linkPath = (i) => `${LINK_DIR}/${i}`;
/** Each link execs the next; the last is a plain probe. */
function chainFiles(links) {
    const last = links.length - 1;
    return links.map((target, i) => ({
        path: linkPath(i),
        mode: 0o755,
        content: i < last ? chainProgram(target, linkPath(i + 1)) : probeProgram(target)
    }));
}
async function runChain(engine, links, log, options, early) {
    const last = links.length - 1;
    const name = `setup-binfmt-chain-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`;
    const timeoutMs = options.timeoutMs ?? RUN_TIMEOUT;
    log?.debug(`${engine.name}: links ${links.join(' -> ')}`);
    const image = await (early ?? chainImage(engine, chainFiles(links), timeoutMs, log));
    const command = [...engine.command, 'run', '--rm', '--network', 'none', '--name', name];
    command.push(...(engine.runOptions ?? []), ...image.run, linkPath(0));
    try {
        const { r, ms } = await runNamed(engine, command, name, timeoutMs, log);
        const lines = r.stdout.split('\n');
        let printed = 0;
        while (printed < links.length && lines[printed] === probeMarker(links[printed]))
            printed++;
        const allOk = printed === links.length && r.code === 0;
        const verdict = (target, ok, output) => {
            const platform = dockerPlatform(target);
            log?.debug(`${engine.name} ${platform} (${target}): ${ok ? 'ok' : 'FAILED'}: ${output}`);
            return { target, platform, ok, ms, command, code: r.code, output };
        };
        if (printed === 0) {
            const output = failure(engine, links[0], r, JSON.stringify(probeMarker(links[0])), timeoutMs);
            return { launcher: verdict(links[0], false, output), decided: [], rest: [] };
        }
        const ok = links.slice(0, allOk ? links.length : Math.min(printed, last));
        const decided = ok.map(t => verdict(t, true, probeMarker(t)));
        if (allOk)
            return { launcher: decided[0], decided: decided.slice(1), rest: [] };
        const failed = ok.length;
        const why = linkFailure(engine, links, failed, r.code, r.stdout);
        decided.push(verdict(links[failed], false, why));
        return { launcher: decided[0], decided: decided.slice(1), rest: links.slice(failed + 1) };
    }
    finally {
        await image.remove();
    }
}
/**
 * Podman runs a folder as the container's root (`--rootfs`): no image to import or remove, two
 * commands fewer. Docker has no such option: one `import` of the links as a layer.
 */
async function chainImage(engine, files, timeoutMs, log) {
    if (engine.name === 'podman') {
        const dir = await makeTempDir('chain');
        const remove = () => (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
        try {
            const root = (0,external_node_path_namespaceObject.join)(dir, 'rootfs');
            // Podman, as root or as this user, reads the folder; the programs must be executable.
            await (0,promises_namespaceObject.chmod)(dir, 0o755);
            for (const f of files) {
                await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.join)(root, f.path)), { recursive: true });
                await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.join)(root, f.path), f.content ?? '', { mode: f.mode });
            }
            return { run: ['--rootfs', root], remove };
        }
        catch (e) {
            await remove();
            throw e;
        }
    }
    const tag = `${PROBE_REPOSITORY}:chain-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`;
    try {
        await exec_run([...engine.command, 'import', '-', tag], { input: layerTar(files), timeoutMs, log });
    }
    catch (e) {
        await removeImages(engine, [tag], log);
        throw new Error(`Cannot import the probe image into ${LABEL[engine.name]}: ${e.message}`, {
            cause: e
        });
    }
    return { run: ['--pull', 'never', tag], remove: () => removeImages(engine, [tag], log) };
}
/** Why link `i` printed nothing, from the exit status of the exec that started it. */
function linkFailure(engine, links, i, code, stdout) {
    const target = links[i];
    const errno = chainExecErrno(links[i - 1], code);
    if (errno !== undefined && !stdout.includes(probeMarker(target))) {
        const name = errnoName(errno);
        const text = ERRNO_TEXT[name] ?? name;
        const hint = hintFor(engine, target, `exec ${linkPath(i)}: ${text}`);
        return `the ${target} probe could not be started in the container: ${text} (${name})${hint ? `; ${hint}` : ''}`;
    }
    const signal = code > 128 && code < 160 ? ` (signal ${code - 128}: its interpreter crashed)` : '';
    const lines = stdout.split('\n').slice(i).join('\n').trim();
    return (`exit ${code}${signal}; the ${target} probe printed ${JSON.stringify(lines.slice(0, 200))} ` +
        `instead of ${JSON.stringify(probeMarker(target))}`);
}
/** The kernel's words for the errors an exec of a probe meets, as hintFor reads them. */
const ERRNO_TEXT = {
    ENOEXEC: 'exec format error',
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    ENOMEM: 'cannot allocate memory',
    ELIBBAD: 'accessing a corrupted shared library'
};

;// CONCATENATED MODULE: ./src/verify/exec-checks.ts
// Prove each registered platform runs: execute its probe through the kernel (binfmt_misc,
// flags and interpreter all take part), then again inside a chroot where the interpreter's
// path does not exist, which only works with the F flag. Failures say what is likely wrong.








/** A command's result and how long it took; a command that cannot start is a result too. */
async function timed(fn) {
    const start = performance.now();
    const result = await fn().catch((e) => ({ code: -1, stdout: '', stderr: e.message }));
    return { result, ms: Math.round(performance.now() - start) };
}
/** One log line per check: platform, target, method, verdict and time. */
function logResults(results, log) {
    for (const r of results) {
        log.info(`${r.platform} (${r.target}) ${r.method}: ${r.ok ? 'ok' : 'FAILED'} in ${r.ms} ms`);
    }
    return results;
}
/** Run every probe directly and from a chroot; all checks run, then the caller decides. */
async function verifyExec(table, checks, log, exec = exec_run, 
/** Also run each probe from a chroot (needs root or sudo -n). */
{ chroot: inChroot = true } = {}) {
    const dir = await makeTempDir('verify');
    try {
        // Platforms in parallel: each check is mostly QEMU starting up.
        const perTarget = await Promise.all(checks.map(c => checkTarget(table, c, dir, log, exec, inChroot)));
        return logResults(perTarget.flat(), log);
    }
    finally {
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
}
async function checkTarget(table, { target, entry }, dir, log, exec, inChroot) {
    const program = probeProgram(target);
    const path = (0,external_node_path_namespaceObject.join)(dir, `probe-${target}`);
    await (0,promises_namespaceObject.writeFile)(path, program);
    await (0,promises_namespaceObject.chmod)(path, 0o755);
    const platform = ociPlatforms(target)[0];
    const expected = `${probeMarker(target)}\n`;
    const direct = await timed(() => exec([path], { allowFailure: true, log }));
    const directOk = direct.result.code === 0 && direct.result.stdout === expected;
    const results = [
        {
            target,
            platform,
            method: 'exec',
            ok: directOk,
            ms: direct.ms,
            detail: directOk ? undefined : await diagnose(table, entry, program, [path], direct.result)
        }
    ];
    if (!directOk || !entry.flags.includes('F') || !inChroot)
        return results;
    // A root holding only the probe: the interpreter's path does not exist in there.
    const root = (0,external_node_path_namespaceObject.join)(dir, `root-${target}`);
    await (0,promises_namespaceObject.mkdir)(root);
    await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.join)(root, 'probe'), program, { mode: 0o755 });
    // chroot needs root; others already need sudo -n to change binfmt_misc. (An unprivileged
    // user namespace would do too, but Ubuntu 24.04 forbids those by default.)
    const chroot = ['chroot', root, '/probe'];
    const argv = process.getuid?.() === 0 ? chroot : ['sudo', '-n', ...chroot];
    const inRoot = await timed(() => exec(argv, { allowFailure: true, log }));
    const rootOk = inRoot.result.code === 0 && inRoot.result.stdout === expected;
    results.push({
        target,
        platform,
        method: 'chroot',
        ok: rootOk,
        ms: inRoot.ms,
        detail: rootOk
            ? undefined
            : exec_checks_explain(argv, inRoot.result, `the interpreter is not reachable from a chroot although ${entry.name} has the F flag`, 'check that the interpreter is static; re-register with flags including F')
    });
    return results;
}
function exec_checks_explain(argv, result, cause, fix) {
    const output = `${result.stdout}${result.stderr}`.trim().slice(0, 500) || '(no output)';
    return `${argv.join(' ')} exited with ${result.code}: ${output}. Likely cause: ${cause}. Fix: ${fix}.`;
}
/**
 * With `status` at 0 the kernel runs no entry, so the probe is not even handed to QEMU (and
 * the shell may try it as a script): say so rather than blame the interpreter. Writing 1
 * enables it again; -1 would remove every entry.
 */
async function disabledAsAWhole(table, argv, result) {
    if ((await table.enabledAsAWhole()) !== false)
        return undefined;
    const root = table.root;
    return exec_checks_explain(argv, result, `binfmt_misc is disabled as a whole (${root}/status reads 'disabled'), so the kernel runs no entry, ours included`, `enable it as root with: echo 1 > ${root}/status (if something disabled it on purpose, ask first)`);
}
/** Look at the table to say why a probe did not run. */
async function diagnose(table, entry, program, argv, result) {
    const off = await disabledAsAWhole(table, argv, result);
    if (off)
        return off;
    const current = await table.get(entry.name);
    if (!current) {
        return exec_checks_explain(argv, result, `binfmt_misc entry ${entry.name} is missing (something removed it)`, 'run setup-binfmt again');
    }
    if (!current.enabled) {
        return exec_checks_explain(argv, result, `binfmt_misc entry ${entry.name} is disabled`, `echo 1 > ${table.root}/${entry.name}`);
    }
    const claim = claimedBy(program, await table.inMatchOrder());
    if (!claim) {
        return exec_checks_explain(argv, result, `no enabled entry matches this platform's ELF header (wrong magic or mask in ${entry.name})`, 'remove the entry and register it again with setup-binfmt');
    }
    if (claim.name !== entry.name) {
        return exec_checks_explain(argv, result, `entry ${claim.name} takes precedence over ${entry.name} and runs ${claim.interpreter}`, `remove or disable ${claim.name}, or use reset: true`);
    }
    if (!current.flags.includes('F') && !(0,external_node_fs_namespaceObject.existsSync)(current.interpreter)) {
        return exec_checks_explain(argv, result, `the interpreter ${current.interpreter} is gone and ${entry.name} lacks the F flag, so the kernel looks for it at every start`, 'register with flags including F (the default POCF)');
    }
    if (result.signal) {
        return exec_checks_explain(argv, result, `the interpreter ${current.interpreter} crashed (${result.signal})`, 'use another QEMU version (qemu-version)');
    }
    return exec_checks_explain(argv, result, `the interpreter ${current.interpreter} failed to run the program`, 'check the interpreter runs: <interpreter> --version; try another QEMU version');
}

;// CONCATENATED MODULE: ./src/verify/deep-checks.ts
// Deeper checks, of what the registered flags promise beyond running at all, with the deep
// probes (they print their effective uid, argv[0] and /proc/self/exe):
//   exe     always: /proc/self/exe names the program, not QEMU (tools that re-exec themselves);
//   argv0   with P: a program run through a link of another name sees that name (busybox);
//   setuid  with C: a setuid-root program run by a non-root user runs as root (sudo, su).
// A flag not registered is not checked. Targets without a deep probe get only the exec checks.








/** The user a root process runs the setuid probe as (nobody on Debian, Ubuntu and Fedora). */
const NOBODY = 65534;
/** Run the deep checks of every target that has a deep probe; all run, the caller decides. */
async function verifyDeep(checks, log, exec = exec_run) {
    const deep = checks.filter(c => DEEP_PROBE_TARGETS.includes(c.target));
    if (deep.length === 0)
        return [];
    const dir = await makeTempDir('deep');
    try {
        // The setuid probe runs as another user, who must reach it.
        await (0,promises_namespaceObject.chmod)(dir, 0o755);
        const setuidBlocked = deep.some(c => c.entry.flags.includes('C')) ? setuidBlocker(dir) : '';
        if (setuidBlocked)
            log.warning(`setuid check skipped: ${setuidBlocked}`);
        const perTarget = await Promise.all(deep.map(c => deep_checks_checkTarget(c, dir, !setuidBlocked, log, exec)));
        return logResults(perTarget.flat(), log);
    }
    finally {
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
}
function deep_checks_explain(argv, result, cause, fix) {
    const output = `${JSON.stringify(result.stdout)} ${result.stderr.trim()}`.trim().slice(0, 500) || '(none)';
    return `${argv.join(' ')} exited with ${result.code}, output ${output}. Likely cause: ${cause}. Fix: ${fix}.`;
}
async function deep_checks_checkTarget({ target, entry }, dir, setuid, log, exec) {
    const platform = ociPlatforms(target)[0];
    const program = deepProbeProgram(target);
    const path = (0,external_node_path_namespaceObject.join)(dir, `deep-${target}`);
    await (0,promises_namespaceObject.writeFile)(path, program, { mode: 0o755 });
    const results = [];
    const result = (method, ok, ms, detail) => results.push({ target, platform, method, ok, ms, detail: ok ? undefined : detail });
    // Through a link of another name, found on PATH as a shell finds it: argv[0] is the bare
    // name, the path the kernel opens is the link's.
    const name = `setup-binfmt-renamed-${target}`;
    await (0,promises_namespaceObject.symlink)(path, (0,external_node_path_namespaceObject.join)(dir, name));
    const env = { ...process.env, PATH: `${dir}:${process.env.PATH ?? '/usr/bin:/bin'}` };
    const linked = await timed(() => exec([name], { allowFailure: true, log, env, encoding: 'latin1' }));
    const out = linked.result.code === 0 ? parseDeepProbe(target, linked.result.stdout) : undefined;
    const want = await (0,promises_namespaceObject.realpath)(path);
    result('exe', out?.exe === want, linked.ms, deep_checks_explain([name], linked.result, out
        ? `readlink /proc/self/exe answered ${JSON.stringify(out.exe)}, not the program ${want}: ${entry.interpreter} does not hide itself`
        : `the deep probe did not run or was cut short under ${entry.interpreter}`, 'use another QEMU version (qemu-version)'));
    if (entry.flags.includes('P')) {
        result('argv0', out?.argv0 === name, linked.ms, deep_checks_explain([name], linked.result, !out
            ? `the deep probe did not run or was cut short under ${entry.interpreter}`
            : out.argv0 === (0,external_node_path_namespaceObject.join)(dir, name)
                ? `argv[0] arrived as the full path: the kernel did not preserve it (P needs Linux 5.12+) or ${entry.interpreter} ignores AT_FLAGS (QEMU before 6.0)`
                : `argv[0] arrived as ${JSON.stringify(out.argv0)}, expected ${JSON.stringify(name)}`, 'use Linux 5.12+ and a QEMU of the pinned lines, or register without P'));
    }
    const suid = entry.flags.includes('C') && setuid ? await checkSetuid(target, dir, log, exec) : undefined;
    return suid ? [...results, suid] : results;
}
async function checkSetuid(target, dir, log, exec) {
    const platform = ociPlatforms(target)[0];
    const path = (0,external_node_path_namespaceObject.join)(dir, `setuid-${target}`);
    await (0,promises_namespaceObject.writeFile)(path, deepProbeProgram(target), { mode: 0o755 });
    const root = process.getuid?.() === 0;
    const start = performance.now();
    // A setuid-root file: root owns it, then the bit (chown clears it). Root runs it as nobody;
    // anyone else runs it as themselves, after sudo made it root's.
    if (root) {
        await (0,promises_namespaceObject.chmod)(path, 0o4755);
    }
    else {
        for (const argv of [
            ['sudo', '-n', 'chown', '0:0', path],
            ['sudo', '-n', 'chmod', '4755', path]
        ]) {
            const r = await exec(argv, { allowFailure: true, log });
            if (r.code !== 0) {
                const detail = deep_checks_explain(argv, r, 'no passwordless sudo', 'run as root or with sudo -n');
                return { target, platform, method: 'setuid', ok: false, ms: 0, detail };
            }
        }
    }
    const argv = root
        ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', path]
        : [path];
    const { result } = await timed(() => exec(argv, { allowFailure: true, log, encoding: 'latin1' }));
    const out = result.code === 0 ? parseDeepProbe(target, result.stdout) : undefined;
    // setpriv could not become nobody (a user namespace that maps root alone): nothing ran
    // under emulation, so this says nothing about binfmt_misc.
    if (root && !out && /^setpriv: (setres[ug]id|setgroups) failed/m.test(result.stderr)) {
        log.warning(`setuid check of ${platform} skipped: cannot run a program as uid ${NOBODY} here (${lastLine(result.stderr)})`);
        return undefined;
    }
    const ok = out?.euid === 0;
    const cause = out
        ? `the setuid-root program ran with effective uid ${out.euid}: the kernel took the credentials from the interpreter, not the program (C flag not in effect)`
        : 'the setuid probe did not run or was cut short';
    return {
        target,
        platform,
        method: 'setuid',
        ok,
        ms: Math.round(performance.now() - start),
        detail: ok
            ? undefined
            : deep_checks_explain(argv, result, cause, 'register with flags including C (the default POCF)')
    };
}
/** Why setuid programs cannot work in `dir` whatever binfmt_misc does, or '' when they can. */
function setuidBlocker(dir, status = procText('/proc/self/status')) {
    if (/^NoNewPrivs:\s*1$/m.test(status)) {
        return 'this process has no_new_privs set (a NoNewPrivileges service or container), so no setuid program gains root here';
    }
    const mount = mountOf(dir, procText('/proc/self/mountinfo'));
    if (mount?.options.includes('nosuid')) {
        return `${dir} is on ${mount.point}, mounted nosuid; set RUNNER_TEMP to a folder on a suid mount`;
    }
    return '';
}
function procText(path) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8');
    }
    catch {
        return '';
    }
}
/** The mount (from /proc/self/mountinfo text) that holds `path`: the longest mount point. */
function mountOf(path, mountinfo) {
    let best;
    for (const line of mountinfo.split('\n')) {
        // id parent major:minor root point options [optional fields] - type source super-options
        const f = line.split(' ');
        if (f.length < 6)
            continue;
        const point = f[4].replace(/\\(\d{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
        const inside = point === '/' || path === point || path.startsWith(`${point}/`);
        if (inside && (!best || point.length >= best.point.length)) {
            best = { point, options: f[5].split(',') };
        }
    }
    return best;
}

;// CONCATENATED MODULE: ./src/verify/verify.ts
// Proving that emulation works once the entries are registered: each platform's probe program
// through the kernel and from a chroot (exec-checks.ts), the deeper probes where those passed
// (deep-checks.ts), then in containers (container-check.ts) with Docker or Podman when asked for or
// available.





const VERIFY_METHODS = ['auto', 'exec', 'docker', 'podman', 'none'];
/**
 * exec always (unless docker or podman alone was asked), then containers when asked or
 * available: the engine named, else whichever answers, Docker first.
 */
async function verify(table, registered, options, log, exec) {
    const targets = registered.map(r => r.target);
    const results = [];
    const named = options.verify === 'docker' || options.verify === 'podman' ? options.verify : undefined;
    if (!named) {
        const checks = registered.map(r => ({ target: r.target, entry: r.entry }));
        const ran = await verifyExec(table, checks, log, exec, { chroot: options.chroot ?? true });
        const passed = checks.filter(c => ran.some(r => r.target === c.target && r.ok));
        results.push(...ran, ...(await verifyDeep(passed, log, exec)));
    }
    const wantContainers = named !== undefined || options.smokeImage !== undefined;
    if (!wantContainers && options.verify !== 'auto')
        return results;
    const candidates = named ? [named] : ENGINE_NAMES;
    const hostTarget = HOST_ARCHES[process.arch]?.target ?? 'x86_64';
    // Docker's first probe image is imported while its daemon is asked whether it answers.
    const prepared = candidates[0] === 'docker'
        ? prepareChain(engineOf('docker'), targets, hostTarget, log)
        : undefined;
    const engine = await availableEngine(log, candidates);
    if (prepared && engine?.name !== 'docker')
        await discardChain(prepared);
    if (!engine) {
        if (wantContainers) {
            const smoke = options.smokeImage ? ` with smoke-image ${options.smokeImage}` : '';
            throw new Error(named === 'podman'
                ? `verify '${options.verify}'${smoke} needs Podman, and 'podman version' fails: install podman (as root it needs no daemon), or use verify: exec`
                : named === 'docker'
                    ? `verify '${options.verify}'${smoke} needs Docker, and no Docker daemon answers 'docker version': start it, or use verify: exec`
                    : `verify '${options.verify}'${smoke} needs Docker or Podman, and neither answers ('docker version', 'podman version'): start one, or use verify: exec`);
        }
        log.info('containers: neither Docker nor Podman answers, container check skipped (verify: auto)');
        return results;
    }
    log.info(`containers: checking with ${engine.name}`);
    const fromDocker = (method, r) => ({
        target: r.target,
        platform: r.platform,
        method,
        ok: r.ok,
        ms: r.ms,
        detail: r.ok ? undefined : `${r.command.join(' ')}: ${r.output}`
    });
    const check = await containerCheck(targets, hostTarget, log, {
        engine,
        prepared: engine.name === 'docker' ? prepared : undefined
    });
    if (!check.launcher.ok) {
        const words = engineFailure(engine, check.launcher);
        // Asked for containers: the check cannot be done, which is a failure. Otherwise exec and
        // chroot have shown emulation works; the engine's trouble is its own.
        if (wantContainers)
            throw new Error(`verify '${options.verify}': ${words}, or use verify: exec`);
        log.warning(`${words}. Container check skipped (verify: auto): exec and chroot checks ran`);
        return results;
    }
    log.info(`containers: ${engine.name} starts ${check.launcher.platform} containers (${check.launcher.ms} ms)`);
    results.push(...check.results.map(r => fromDocker(engine.name, r)));
    if (options.smokeImage) {
        const uname = await dockerUname(options.smokeImage, targets, log, { engine });
        results.push(...uname.map(r => fromDocker('image', r)));
    }
    for (const r of results.filter(x => x.method !== 'exec' && x.method !== 'chroot')) {
        log.info(`${r.platform} (${r.target}) ${r.method}: ${r.ok ? 'ok' : 'FAILED'} in ${r.ms} ms`);
    }
    return results;
}
/** The engine cannot run containers at all here: what failed, its error, and the fix. */
function engineFailure(engine, launcher) {
    return (`${LABEL[engine.name]} cannot start containers here: a container of this host's own platform ` +
        `(${launcher.platform}) fails (${launcher.command.join(' ')}: ${launcher.output}). ` +
        `Fix ${engine.name} so that it runs containers`);
}
/** An error describing every failed check, or undefined when all passed. */
function verificationError(result) {
    const failed = result.verified.filter(r => !r.ok);
    if (failed.length === 0)
        return undefined;
    const lines = failed.map(r => `${r.platform} (${r.target}, ${r.method}): ${r.detail}`);
    return new Error(`Emulation does not work for ${failed.length} check(s):\n${lines.join('\n')}`);
}

;// CONCATENATED MODULE: ./src/binfmt/registrar-program.ts
// The registrar: a tiny static ELF program, generated here byte by byte like the probes, that
// changes binfmt_misc from inside a privileged helper container (see src/engine/). It holds
// no libc and no shell; its argv is a list of operations, done in order:
//
//   m DIR        mount binfmt_misc at DIR (an empty folder of the image); DIR is the table now.
//                Register lines written after it resolve interpreter paths in the container.
//   h            enter the host's mount namespace (/proc/1/ns/mnt, with --pid=host), mount
//                binfmt_misc at /proc/sys/fs/binfmt_misc when it is not mounted there (so the
//                table outlives the helper: since Linux 6.7 the last unmount empties it), and
//                make that the table. Register lines written after it resolve on the host.
//   c DIR        chroot to DIR (the host's root, bound into the helper): register lines written
//                after it resolve interpreter paths there, where their registrant found them.
//   w NAME DATA  write DATA to the table's file NAME (opened write-only, never following a link)
//   d            dump /proc/self/uid_map, then every file of the table, each as NAME \0 TEXT \0
//
// Each successful `w` prints `w` and a newline on stderr. The first failure prints
// `registrar: <what> failed` on stderr and exits with the errno; otherwise the exit status is 0.
// One program per host architecture: x86_64 and aarch64.
const REGISTRAR_ARCHES = (/* unused pure expression or super */ null && (['x86_64', 'aarch64']));
/** The folder of the helper image where `m` mounts binfmt_misc. */
const HELPER_TABLE = '/binfmt_misc';
const BASE = 0x400000;
const EHSIZE = 64;
const PHENTSIZE = 56;
const CODE_OFF = EHSIZE + PHENTSIZE;
const STACK_BUFFER = 0x10000; // getdents64 in the lower half, file reads in the upper
const STRINGS = {
    fstype: 'binfmt_misc\0',
    hostNs: '/proc/1/ns/mnt\0',
    hostTable: '/proc/sys/fs/binfmt_misc\0',
    hostRegister: '/proc/sys/fs/binfmt_misc/register\0',
    uidMap: '/proc/self/uid_map\0',
    nul: '\0',
    wrote: 'w\n',
    badOp: 'registrar: unknown operation failed\n',
    mount: 'registrar: mount failed\n',
    open: 'registrar: open failed\n',
    setns: 'registrar: setns failed\n',
    chroot: 'registrar: chroot failed\n',
    write: 'registrar: write failed\n',
    read: 'registrar: getdents64 failed\n'
};
class Assembler {
    items = [];
    label(name) {
        this.items.push({ label: name });
    }
    emit(size, encode) {
        this.items.push({ size, encode });
    }
    bytes(b) {
        const buf = Buffer.from(b);
        this.emit(buf.length, () => buf);
    }
    /** Code then the strings, loaded at `base`. */
    link(base) {
        for (const [name, text] of Object.entries(STRINGS)) {
            this.label(`s:${name}`);
            this.bytes(Buffer.from(text, 'latin1'));
        }
        const labels = new Map();
        let pc = base;
        for (const item of this.items) {
            if ('label' in item)
                labels.set(item.label, pc);
            else
                pc += item.size;
        }
        const at = (name) => {
            const a = labels.get(name);
            if (a === undefined)
                throw new Error(`registrar: no label ${name}`);
            return a;
        };
        const out = [];
        pc = base;
        for (const item of this.items) {
            if ('label' in item)
                continue;
            const b = item.encode(pc, at);
            if (b.length !== item.size)
                throw new Error(`registrar: encoding size changed at ${pc}`);
            out.push(b);
            pc += item.size;
        }
        return Buffer.concat(out);
    }
}
const u32 = (v) => {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v | 0);
    return [...b];
};
// ---------------------------------------------------------------------------------------
// x86_64
const RAX = 0;
const RDX = 2;
const RBX = 3;
const RSP = 4;
const RBP = 5;
const RSI = 6;
const RDI = 7;
const R8 = 8;
const R10 = 10;
const R12 = 12;
const R13 = 13;
const R14 = 14;
const R15 = 15;
const X86_SYS = {
    read: 0,
    write: 1,
    close: 3,
    lseek: 8,
    mount: 165,
    getdents64: 217,
    exit_group: 231,
    chroot: 161,
    openat: 257,
    faccessat: 269,
    setns: 308
};
class X86 {
    a;
    constructor(a) {
        this.a = a;
    }
    rex(w, reg, base) {
        return 0x40 | (w ? 8 : 0) | ((reg >> 3) << 2) | (base >> 3);
    }
    /** ModRM (and SIB) for [base + disp32]. */
    mem(reg, base, disp) {
        const sib = (base & 7) === RSP ? [0x24] : [];
        return [0x80 | ((reg & 7) << 3) | (base & 7), ...sib, ...u32(disp)];
    }
    direct(reg, rm) {
        return 0xc0 | ((reg & 7) << 3) | (rm & 7);
    }
    /** mov dst, src (64-bit) */
    mov(dst, src) {
        this.a.bytes([this.rex(true, src, dst), 0x89, this.direct(src, dst)]);
    }
    /** mov dst32, imm32 (zero-extends) */
    movi(dst, imm) {
        this.a.bytes([this.rex(false, 0, dst), 0xb8 + (dst & 7), ...u32(imm)]);
    }
    /** mov dst, [base + disp] */
    load(dst, base, disp = 0) {
        this.a.bytes([this.rex(true, dst, base), 0x8b, ...this.mem(dst, base, disp)]);
    }
    /** movzx dst32, byte|word [base + disp] */
    loadZx(dst, base, disp, width) {
        const op = width === 8 ? 0xb6 : 0xb7;
        this.a.bytes([this.rex(false, dst, base), 0x0f, op, ...this.mem(dst, base, disp)]);
    }
    /** lea dst, [base + disp] */
    lea(dst, base, disp) {
        this.a.bytes([this.rex(true, dst, base), 0x8d, ...this.mem(dst, base, disp)]);
    }
    /** lea dst, [rip + label] */
    leaLabel(dst, label) {
        this.a.emit(7, (pc, at) => Buffer.from([
            this.rex(true, dst, 0),
            0x8d,
            0x05 | ((dst & 7) << 3),
            ...u32(at(label) - (pc + 7))
        ]));
    }
    /** add|sub dst, imm32 */
    addi(dst, imm) {
        this.a.bytes([
            this.rex(true, 0, dst),
            0x81,
            this.direct(imm < 0 ? 5 : 0, dst),
            ...u32(Math.abs(imm))
        ]);
    }
    /** add dst, src */
    add(dst, src) {
        this.a.bytes([this.rex(true, src, dst), 0x01, this.direct(src, dst)]);
    }
    /** sub dst, src */
    sub(dst, src) {
        this.a.bytes([this.rex(true, src, dst), 0x29, this.direct(src, dst)]);
    }
    /** cmp a, b (flags of a - b) */
    cmp(a, b) {
        this.a.bytes([this.rex(true, b, a), 0x39, this.direct(b, a)]);
    }
    /** cmp byte [base + disp], imm8 */
    cmpByte(base, disp, imm) {
        this.a.bytes([this.rex(false, 0, base), 0x80, ...this.mem(7, base, disp), imm]);
    }
    /** cmp eax, imm32 */
    cmpEax(imm) {
        this.a.bytes([0x40, 0x81, this.direct(7, RAX), ...u32(imm)]);
    }
    test(a) {
        this.a.bytes([this.rex(true, a, a), 0x85, this.direct(a, a)]);
    }
    neg(a) {
        this.a.bytes([this.rex(true, 0, a), 0xf7, this.direct(3, a)]);
    }
    inc(a) {
        this.a.bytes([this.rex(true, 0, a), 0xff, this.direct(0, a)]);
    }
    /** jcc rel32: e (equal/zero), ne, s (negative), ae (unsigned >=) */
    j(cond, label) {
        const cc = { e: 0x84, ne: 0x85, s: 0x88, ae: 0x83 }[cond];
        this.a.emit(6, (pc, at) => Buffer.from([0x0f, cc, ...u32(at(label) - (pc + 6))]));
    }
    call(label) {
        this.a.emit(5, (pc, at) => Buffer.from([0xe8, ...u32(at(label) - (pc + 5))]));
    }
    jmp(label) {
        this.a.emit(5, (pc, at) => Buffer.from([0xe9, ...u32(at(label) - (pc + 5))]));
    }
    syscall(name) {
        this.movi(RAX, X86_SYS[name]);
        this.a.bytes([0x0f, 0x05]);
    }
    /** rax = strlen(reg); clobbers nothing else */
    strlen(reg, id) {
        this.mov(RAX, reg);
        this.a.label(`${id}:loop`);
        this.cmpByte(RAX, 0, 0);
        this.j('e', `${id}:done`);
        this.inc(RAX);
        this.jmp(`${id}:loop`);
        this.a.label(`${id}:done`);
        this.sub(RAX, reg);
    }
    /** On a negative rax: report `message` and exit with the errno. */
    failIfNegative(message) {
        this.test(RAX);
        this.j('s', `fail:${message}`);
    }
    /** write(fd, label, its length) */
    writeString(fd, name) {
        this.movi(RDI, fd);
        this.leaLabel(RSI, `s:${name}`);
        this.movi(RDX, STRINGS[name].length);
        this.syscall('write');
    }
}
const AT_FDCWD = -100;
function x86_64Program() {
    const a = new Assembler();
    const x = new X86(a);
    const flags = { directory: 0o200000, wronly: 0o1, nofollow: 0o400000, newns: 0x20000 };
    // rbx, rbp: getdents cursor and end; r12: next argv slot; r13: table fd; r14: name;
    // r15: buffer on the stack. The kernel's syscall clobbers only rax, rcx and r11.
    x.lea(R12, RSP, 16); // &argv[1]
    x.addi(RSP, -STACK_BUFFER);
    x.mov(R15, RSP);
    x.movi(R13, AT_FDCWD);
    a.label('next');
    x.load(RSI, R12);
    x.test(RSI);
    x.j('e', 'exit');
    x.addi(R12, 8);
    x.loadZx(RAX, RSI, 0, 8);
    x.cmpEax('m'.charCodeAt(0));
    x.j('e', 'op:m');
    x.cmpEax('h'.charCodeAt(0));
    x.j('e', 'op:h');
    x.cmpEax('w'.charCodeAt(0));
    x.j('e', 'op:w');
    x.cmpEax('d'.charCodeAt(0));
    x.j('e', 'op:d');
    x.cmpEax('c'.charCodeAt(0));
    x.j('e', 'op:c');
    x.movi(RAX, -22); // EINVAL
    x.jmp('fail:badOp');
    // m DIR
    a.label('op:m');
    x.load(R14, R12);
    x.addi(R12, 8);
    x.leaLabel(RDI, 's:fstype');
    x.mov(RSI, R14);
    x.mov(RDX, RDI);
    x.movi(R10, 0);
    x.movi(R8, 0);
    x.syscall('mount');
    x.failIfNegative('mount');
    a.label('open-table'); // r14: the folder
    x.movi(RDI, AT_FDCWD);
    x.mov(RSI, R14);
    x.movi(RDX, flags.directory);
    x.movi(R10, 0);
    x.syscall('openat');
    x.failIfNegative('open');
    x.mov(R13, RAX);
    x.jmp('next');
    // c DIR
    a.label('op:c');
    x.load(RDI, R12);
    x.addi(R12, 8);
    x.syscall('chroot');
    x.failIfNegative('chroot');
    x.jmp('next');
    // h
    a.label('op:h');
    x.movi(RDI, AT_FDCWD);
    x.leaLabel(RSI, 's:hostNs');
    x.movi(RDX, 0);
    x.movi(R10, 0);
    x.syscall('openat');
    x.failIfNegative('open');
    x.mov(RDI, RAX);
    x.movi(RSI, flags.newns);
    x.syscall('setns');
    x.failIfNegative('setns');
    x.leaLabel(R14, 's:hostTable');
    x.movi(RDI, AT_FDCWD);
    x.leaLabel(RSI, 's:hostRegister');
    x.movi(RDX, 0); // F_OK
    x.movi(R10, 0);
    x.syscall('faccessat');
    x.test(RAX);
    x.j('e', 'open-table');
    x.leaLabel(RDI, 's:fstype');
    x.mov(RSI, R14);
    x.mov(RDX, RDI);
    x.movi(R10, 0);
    x.movi(R8, 0);
    x.syscall('mount');
    x.failIfNegative('mount');
    x.jmp('open-table');
    // w NAME DATA
    a.label('op:w');
    x.mov(RDI, R13);
    x.load(RSI, R12);
    x.movi(RDX, flags.wronly | flags.nofollow);
    x.movi(R10, 0);
    x.syscall('openat');
    x.failIfNegative('open');
    x.mov(RBX, RAX);
    x.load(R14, R12, 8);
    x.addi(R12, 16);
    x.strlen(R14, 'w');
    x.mov(RDX, RAX);
    x.mov(RDI, RBX);
    x.mov(RSI, R14);
    x.syscall('write');
    x.failIfNegative('write');
    x.mov(RDI, RBX);
    x.syscall('close');
    x.writeString(2, 'wrote');
    x.jmp('next');
    // d
    a.label('op:d');
    x.leaLabel(R14, 's:uidMap');
    x.call('dump');
    x.mov(RDI, R13);
    x.movi(RSI, 0);
    x.movi(RDX, 0); // SEEK_SET: a second dump starts from the top again
    x.syscall('lseek');
    a.label('d:read');
    x.mov(RDI, R13);
    x.mov(RSI, R15);
    x.movi(RDX, STACK_BUFFER / 2);
    x.syscall('getdents64');
    x.failIfNegative('read');
    x.test(RAX);
    x.j('e', 'next');
    x.mov(RBX, R15);
    x.lea(RBP, R15, 0);
    x.add(RBP, RAX);
    a.label('d:entry');
    x.cmp(RBX, RBP);
    x.j('ae', 'd:read');
    x.lea(R14, RBX, 19); // d_name
    x.cmpByte(R14, 0, '.'.charCodeAt(0));
    x.j('e', 'd:skip');
    x.call('dump');
    a.label('d:skip');
    x.loadZx(RAX, RBX, 16, 16); // d_reclen
    x.add(RBX, RAX);
    x.jmp('d:entry');
    // dump: NAME \0 TEXT \0 for the file r14 names (relative to the table, or absolute)
    a.label('dump');
    x.strlen(R14, 'dump');
    x.inc(RAX); // with its NUL
    x.mov(RDX, RAX);
    x.mov(RSI, R14);
    x.movi(RDI, 1);
    x.syscall('write');
    x.mov(RDI, R13);
    x.mov(RSI, R14);
    x.movi(RDX, flags.nofollow);
    x.movi(R10, 0);
    x.syscall('openat');
    x.test(RAX);
    x.j('s', 'dump:end'); // unreadable (register): an empty text
    x.mov(R14, RAX);
    x.mov(RDI, RAX);
    x.lea(RSI, R15, STACK_BUFFER / 2);
    x.movi(RDX, STACK_BUFFER / 2);
    x.syscall('read');
    x.test(RAX);
    x.j('s', 'dump:close');
    x.mov(RDX, RAX);
    x.movi(RDI, 1);
    x.lea(RSI, R15, STACK_BUFFER / 2);
    x.syscall('write');
    a.label('dump:close');
    x.mov(RDI, R14);
    x.syscall('close');
    a.label('dump:end');
    x.writeString(1, 'nul');
    a.bytes([0xc3]); // ret
    a.label('exit');
    x.movi(RDI, 0);
    x.syscall('exit_group');
    // fail:<message>: rax holds -errno
    for (const name of ['badOp', 'mount', 'open', 'setns', 'chroot', 'write', 'read']) {
        a.label(`fail:${name}`);
        x.neg(RAX);
        x.mov(RBX, RAX);
        x.writeString(2, name);
        x.mov(RDI, RBX);
        x.syscall('exit_group');
    }
    return a.link(BASE + CODE_OFF);
}
// ---------------------------------------------------------------------------------------
// AArch64 (little endian)
const A64_SYS = {
    mount: 40,
    chroot: 51,
    faccessat: 48,
    openat: 56,
    close: 57,
    getdents64: 61,
    lseek: 62,
    read: 63,
    write: 64,
    exit_group: 94,
    setns: 268
};
const XZR = 31;
const SP = 31;
class A64 {
    a;
    constructor(a) {
        this.a = a;
    }
    word(w) {
        this.a.bytes(u32(w));
    }
    rel(mask, shift, make, label) {
        this.a.emit(4, (pc, at) => {
            const off = (at(label) - pc) / 4;
            return Buffer.from(u32(make(((off & mask) >>> 0) << shift)));
        });
    }
    /** mov xd, #imm (0..65535, or a negative number from -65536) */
    movi(rd, imm) {
        if (imm < 0)
            this.word(0x92800000 | ((~imm & 0xffff) << 5) | rd); // movn
        else if (imm <= 0xffff)
            this.word(0xd2800000 | (imm << 5) | rd);
        else if ((imm & 0xffff) === 0 && imm <= 0xffff0000) {
            this.word(0xd2800000 | (1 << 21) | ((imm >>> 16) << 5) | rd);
        }
        else
            throw new Error(`registrar: immediate ${imm} needs more than one instruction`);
    }
    /** mov xd, xn */
    mov(rd, rn) {
        this.word(0xaa0003e0 | (rn << 16) | rd);
    }
    /** add xd, xn|sp, #imm12 (lsl 12 when `high`) */
    addi(rd, rn, imm, high = false) {
        this.word(0x91000000 | (high ? 1 << 22 : 0) | (imm << 10) | (rn << 5) | rd);
    }
    /** sub xd, xn|sp, #imm12 (lsl 12 when `high`) */
    subi(rd, rn, imm, high = false) {
        this.word(0xd1000000 | (high ? 1 << 22 : 0) | (imm << 10) | (rn << 5) | rd);
    }
    add(rd, rn, rm) {
        this.word(0x8b000000 | (rm << 16) | (rn << 5) | rd);
    }
    sub(rd, rn, rm) {
        this.word(0xcb000000 | (rm << 16) | (rn << 5) | rd);
    }
    /** ldr xt, [xn, #imm] */
    ldr(rt, rn, imm = 0) {
        this.word(0xf9400000 | ((imm / 8) << 10) | (rn << 5) | rt);
    }
    ldrb(rt, rn, imm = 0) {
        this.word(0x39400000 | (imm << 10) | (rn << 5) | rt);
    }
    ldrh(rt, rn, imm = 0) {
        this.word(0x79400000 | ((imm / 2) << 10) | (rn << 5) | rt);
    }
    /** cmp wn, #imm12 */
    cmpi(rn, imm) {
        this.word(0x7100001f | (imm << 10) | (rn << 5));
    }
    /** cmp xn, xm */
    cmp(rn, rm) {
        this.word(0xeb00001f | (rm << 16) | (rn << 5));
    }
    /** b.cond: eq, hs (unsigned >=) */
    b(cond, label) {
        if (cond === 'al')
            this.rel(0x3ffffff, 0, v => 0x14000000 | v, label);
        else
            this.rel(0x7ffff, 5, v => 0x54000000 | v | { eq: 0, hs: 2 }[cond], label);
    }
    bl(label) {
        this.rel(0x3ffffff, 0, v => 0x94000000 | v, label);
    }
    cbz(rt, label) {
        this.rel(0x7ffff, 5, v => 0xb4000000 | v | rt, label);
    }
    /** tbnz xt, #63: branch when negative */
    bneg(rt, label) {
        this.rel(0x3fff, 5, v => 0xb7f80000 | v | rt, label);
    }
    /** adr xd, label */
    adr(rd, label) {
        this.a.emit(4, (pc, at) => {
            const off = at(label) - pc;
            return Buffer.from(u32(0x10000000 | ((off & 3) << 29) | (((off >> 2) & 0x7ffff) << 5) | rd));
        });
    }
    ret() {
        this.word(0xd65f03c0);
    }
    syscall(name) {
        this.movi(8, A64_SYS[name]);
        this.word(0xd4000001); // svc #0
    }
    /** x2 = strlen(rn); uses x9 */
    strlen(rn, id) {
        this.mov(2, rn);
        this.a.label(`${id}:loop`);
        this.ldrb(9, 2);
        this.cbz(9, `${id}:done`);
        this.addi(2, 2, 1);
        this.b('al', `${id}:loop`);
        this.a.label(`${id}:done`);
        this.sub(2, 2, rn);
    }
    writeString(fd, name) {
        this.movi(0, fd);
        this.adr(1, `s:${name}`);
        this.movi(2, STRINGS[name].length);
        this.syscall('write');
    }
}
function aarch64Program() {
    const a = new Assembler();
    const x = new A64(a);
    const flags = { directory: 0o40000, wronly: 0o1, nofollow: 0o100000 };
    // x19, x20: getdents cursor and end; x21: next argv slot; x22: table fd; x23: name;
    // x24: buffer on the stack; x25: a file or an errno. svc preserves every register but x0.
    x.addi(21, SP, 16); // &argv[1]
    x.subi(SP, SP, STACK_BUFFER >> 12, true);
    x.addi(24, SP, 0);
    x.movi(22, AT_FDCWD);
    a.label('next');
    x.ldr(1, 21);
    x.cbz(1, 'exit');
    x.addi(21, 21, 8);
    x.ldrb(0, 1);
    for (const op of ['m', 'h', 'w', 'd', 'c']) {
        x.cmpi(0, op.charCodeAt(0));
        x.b('eq', `op:${op}`);
    }
    x.movi(0, -22); // EINVAL
    x.b('al', 'fail:badOp');
    a.label('op:m');
    x.ldr(23, 21);
    x.addi(21, 21, 8);
    a.label('mount'); // x23: the folder
    x.adr(0, 's:fstype');
    x.mov(1, 23);
    x.mov(2, 0);
    x.movi(3, 0);
    x.movi(4, 0);
    x.syscall('mount');
    x.bneg(0, 'fail:mount');
    a.label('open-table');
    x.movi(0, AT_FDCWD);
    x.mov(1, 23);
    x.movi(2, flags.directory);
    x.movi(3, 0);
    x.syscall('openat');
    x.bneg(0, 'fail:open');
    x.mov(22, 0);
    x.b('al', 'next');
    a.label('op:c');
    x.ldr(0, 21);
    x.addi(21, 21, 8);
    x.syscall('chroot');
    x.bneg(0, 'fail:chroot');
    x.b('al', 'next');
    a.label('op:h');
    x.movi(0, AT_FDCWD);
    x.adr(1, 's:hostNs');
    x.movi(2, 0);
    x.movi(3, 0);
    x.syscall('openat');
    x.bneg(0, 'fail:open');
    x.movi(1, 0x20000); // CLONE_NEWNS
    x.syscall('setns');
    x.bneg(0, 'fail:setns');
    x.adr(23, 's:hostTable');
    x.movi(0, AT_FDCWD);
    x.adr(1, 's:hostRegister');
    x.movi(2, 0); // F_OK
    x.movi(3, 0);
    x.syscall('faccessat');
    x.cbz(0, 'open-table');
    x.b('al', 'mount');
    a.label('op:w');
    x.mov(0, 22);
    x.ldr(1, 21);
    x.movi(2, flags.wronly | flags.nofollow);
    x.movi(3, 0);
    x.syscall('openat');
    x.bneg(0, 'fail:open');
    x.mov(25, 0);
    x.ldr(23, 21, 8);
    x.addi(21, 21, 16);
    x.strlen(23, 'w');
    x.mov(0, 25);
    x.mov(1, 23);
    x.syscall('write');
    x.bneg(0, 'fail:write');
    x.mov(0, 25);
    x.syscall('close');
    x.writeString(2, 'wrote');
    x.b('al', 'next');
    a.label('op:d');
    x.adr(23, 's:uidMap');
    x.bl('dump');
    x.mov(0, 22);
    x.movi(1, 0);
    x.movi(2, 0); // SEEK_SET
    x.syscall('lseek');
    a.label('d:read');
    x.mov(0, 22);
    x.mov(1, 24);
    x.movi(2, STACK_BUFFER / 2);
    x.syscall('getdents64');
    x.bneg(0, 'fail:read');
    x.cbz(0, 'next');
    x.mov(19, 24);
    x.add(20, 24, 0);
    a.label('d:entry');
    x.cmp(19, 20);
    x.b('hs', 'd:read');
    x.addi(23, 19, 19); // d_name
    x.ldrb(9, 23);
    x.cmpi(9, '.'.charCodeAt(0));
    x.b('eq', 'd:skip');
    x.bl('dump');
    a.label('d:skip');
    x.ldrh(9, 19, 16); // d_reclen
    x.add(19, 19, 9);
    x.b('al', 'd:entry');
    a.label('dump'); // a leaf: x30 stays the return address
    x.strlen(23, 'dump');
    x.addi(2, 2, 1); // with its NUL
    x.mov(1, 23);
    x.movi(0, 1);
    x.syscall('write');
    x.mov(0, 22);
    x.mov(1, 23);
    x.movi(2, flags.nofollow);
    x.movi(3, 0);
    x.syscall('openat');
    x.bneg(0, 'dump:end'); // unreadable (register): an empty text
    x.mov(25, 0);
    x.addi(1, 24, (STACK_BUFFER / 2) >> 12, true);
    x.movi(2, STACK_BUFFER / 2);
    x.syscall('read');
    x.bneg(0, 'dump:close');
    x.mov(2, 0);
    x.movi(0, 1);
    x.addi(1, 24, (STACK_BUFFER / 2) >> 12, true);
    x.syscall('write');
    a.label('dump:close');
    x.mov(0, 25);
    x.syscall('close');
    a.label('dump:end');
    x.writeString(1, 'nul');
    x.ret();
    a.label('exit');
    x.movi(0, 0);
    x.syscall('exit_group');
    for (const name of ['badOp', 'mount', 'open', 'setns', 'chroot', 'write', 'read']) {
        a.label(`fail:${name}`);
        x.sub(25, XZR, 0);
        x.writeString(2, name);
        x.mov(0, 25);
        x.syscall('exit_group');
    }
    return a.link(BASE + CODE_OFF);
}
// ---------------------------------------------------------------------------------------
// ELF
const MACHINE = { x86_64: 62, aarch64: 183 };
/** The registrar for a host architecture: a static ELF64 little-endian executable. */
function registrarProgram(arch) {
    const code = arch === 'x86_64' ? x86_64Program() : aarch64Program();
    const total = CODE_OFF + code.length;
    const b = Buffer.alloc(total);
    b.write('\x7fELF', 0, 'latin1');
    b.writeUInt8(2, 4); // ELFCLASS64
    b.writeUInt8(1, 5); // little endian
    b.writeUInt8(1, 6); // version
    b.writeUInt16LE(2, 16); // ET_EXEC
    b.writeUInt16LE(MACHINE[arch], 18);
    b.writeUInt32LE(1, 20);
    b.writeBigUInt64LE(BigInt(BASE + CODE_OFF), 24); // e_entry
    b.writeBigUInt64LE(BigInt(EHSIZE), 32); // e_phoff
    b.writeUInt16LE(EHSIZE, 52);
    b.writeUInt16LE(PHENTSIZE, 54);
    b.writeUInt16LE(1, 56); // e_phnum
    // One PT_LOAD, read and execute, mapping the whole file; buffers live on the stack.
    b.writeUInt32LE(1, EHSIZE);
    b.writeUInt32LE(5, EHSIZE + 4);
    b.writeBigUInt64LE(0n, EHSIZE + 8);
    b.writeBigUInt64LE(BigInt(BASE), EHSIZE + 16);
    b.writeBigUInt64LE(BigInt(BASE), EHSIZE + 24);
    b.writeBigUInt64LE(BigInt(total), EHSIZE + 32);
    b.writeBigUInt64LE(BigInt(total), EHSIZE + 40);
    b.writeBigUInt64LE(0x10000n, EHSIZE + 48);
    code.copy(b, CODE_OFF);
    return b;
}
/** The registrar architecture for a Node or Docker architecture name, if there is one. */
function registrarArch(arch) {
    if (['x64', 'amd64', 'x86_64'].includes(arch))
        return 'x86_64';
    if (['arm64', 'aarch64'].includes(arch))
        return 'aarch64';
    return undefined;
}
/** Parse `d` output (NAME \0 TEXT \0 records, the uid_map first); the last `d` wins. */
function parseDump(stdout) {
    const parts = stdout.split('\0');
    let uidMap = '';
    let files = new Map();
    for (let i = 0; i + 1 < parts.length; i += 2) {
        const [name, text] = [parts[i], parts[i + 1]];
        if (name === '/proc/self/uid_map') {
            uidMap = text;
            files = new Map();
        }
        else
            files.set(name, text);
    }
    return { uidMap, files };
}
/** True for the initial user namespace's map: the helper's binfmt_misc is the host's. */
function isInitialUserNamespace(uidMap) {
    return /^\s*0\s+0\s+4294967295\s*$/.test(uidMap);
}

;// CONCATENATED MODULE: ./src/engine/record.ts
// The lock and owners record for runs that change the host's table through a container engine.
// Such a run may sit in a `container:` job with a /run of its own, where root's folder on the
// host is out of reach; what every such run on the host shares is the engine. So the lock is a
// container name (the engine makes one container per name: whoever creates it holds the lock),
// and each run's part of the owners record is a volume of its own, whose labels say which
// entries it uses. Runs in job containers are live while their container runs.




/** The lock's container name: one per engine, as the engine's host has one table. */
const LOCK_CONTAINER = 'setup-binfmt-lock';
const HOLDER = 'setup-binfmt.holder';
/** The label naming the run a volume records, and the one holding its entries. */
const OWNER_LABEL = 'setup-binfmt.owner';
const USES = 'setup-binfmt.uses';
const VOLUME_PREFIX = 'setup-binfmt-owner-';
/** A holder that died without removing the lock (SIGKILL) loses it after this long. */
const LOCK_MAX_AGE = 10 * 60 * 1000;
// Podman reads a --label as CSV (a quote or comma breaks it): label values are base64url JSON.
const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (text) => JSON.parse(Buffer.from(text, 'base64url').toString());
/** The engine's record; `alongsideHost` for a direct run, which keeps root's folder too. */
function engineRecord(engine, image, log, { alongsideHost = false } = {}) {
    const label = LABEL[engine.name];
    const call = (args, allowFailure = false) => exec_run([...engine.command, ...args], { allowFailure, timeoutMs: 60_000, log });
    const running = async () => new Set((await call(['ps', '-q', '--no-trunc'])).stdout.split('\n').filter(Boolean));
    // Each run's volume as last read, so that a write changes only the volumes that differ.
    let seen = new Map();
    const holderOf = async () => {
        const r = await call(['inspect', '--format', `{{.Id}} {{index .Config.Labels "${HOLDER}"}}`, LOCK_CONTAINER], true);
        if (r.code !== 0)
            return undefined; // removed meanwhile
        const [id, ...rest] = r.stdout.trim().split(' ');
        try {
            return { id, holder: decode(rest.join(' ')) };
        }
        catch {
            return { id }; // not ours to judge: only its age would tell, and it has none
        }
    };
    return {
        alongsideHost,
        where: `${label}'s ${LOCK_CONTAINER} container and ${VOLUME_PREFIX}* volumes`,
        async lock(fn, timeoutMs) {
            const deadline = Date.now() + timeoutMs;
            const me = ownerHere(process.pid);
            let said = false;
            let id;
            while (!id) {
                const created = await call([
                    'create',
                    '--name',
                    LOCK_CONTAINER,
                    '--label',
                    `${HOLDER}=${encode(me)}`,
                    '--network',
                    'none',
                    await image()
                ], true);
                if (created.code === 0) {
                    id = created.stdout.trim();
                    continue;
                }
                if (!/already in use/.test(created.stderr)) {
                    throw new Error(`Cannot take the binfmt_misc lock in ${label} (${engine.name} create --name ${LOCK_CONTAINER}: ${dockerError(created.stderr)})`);
                }
                const current = await holderOf();
                if (!current)
                    continue;
                const { holder } = current;
                // Its job's container is gone, or its process (seen from here), or it is too old:
                // it died holding the lock. Removed by id, so a lock taken meanwhile stays.
                if (holder && !isLive(holder, Date.now(), await running(), LOCK_MAX_AGE)) {
                    log?.warning(`Removing the ${label} lock container of a setup-binfmt that is gone (${JSON.stringify(holder)})`);
                    await call(['rm', '-f', current.id], true);
                    continue;
                }
                if (Date.now() > deadline) {
                    throw new Error(`Another setup-binfmt has held the binfmt_misc lock (${label}'s ${LOCK_CONTAINER} container, ` +
                        `holder ${holder ? JSON.stringify(holder) : 'unknown'}) for over ${timeoutMs / 1000} s: wait for it ` +
                        `to finish, or if that run is gone, '${engine.name} rm -f ${LOCK_CONTAINER}'`);
                }
                if (!said)
                    log?.info('waiting for another setup-binfmt to finish changing binfmt_misc');
                said = true;
                await (0,external_node_timers_promises_namespaceObject.setTimeout)(250);
            }
            try {
                return await fn();
            }
            finally {
                const r = await call(['rm', '-f', id], true);
                if (r.code !== 0) {
                    log?.warning(`Cannot remove the ${label} lock container ${id}: ${dockerError(r.stderr)}; remove it by hand`);
                }
            }
        },
        async read() {
            const names = (await call(['volume', 'ls', '-q', '--filter', `label=${OWNER_LABEL}`])).stdout
                .split('\n')
                .filter(Boolean);
            seen = new Map();
            if (names.length === 0)
                return undefined;
            const volumes = JSON.parse((await call(['volume', 'inspect', ...names])).stdout);
            let records = {};
            for (const v of volumes) {
                const owner = v.Labels?.[OWNER_LABEL];
                if (!owner || v.Name !== VOLUME_PREFIX + owner)
                    continue;
                const text = v.Labels?.[USES] ?? '';
                seen.set(owner, text);
                let uses;
                try {
                    uses = decode(text);
                }
                catch {
                    log?.warning(`${label} volume ${v.Name}: its ${USES} label is not base64url JSON; ignoring it`);
                    continue;
                }
                const mine = Object.entries(uses).map(([name, use]) => [
                    name,
                    { entry: use.entry, owners: { [owner]: use.owner } }
                ]);
                records = mergeRecords(records, Object.fromEntries(mine));
            }
            return JSON.stringify(records);
        },
        async write(text) {
            const records = JSON.parse(text);
            const wanted = new Map();
            for (const [name, record] of Object.entries(records)) {
                for (const [owner, o] of Object.entries(record.owners)) {
                    wanted.set(owner, { ...wanted.get(owner), [name]: { entry: record.entry, owner: o } });
                }
            }
            for (const owner of seen.keys()) {
                if (!wanted.has(owner))
                    await call(['volume', 'rm', '-f', VOLUME_PREFIX + owner]);
            }
            for (const [owner, uses] of wanted) {
                const labels = encode(uses);
                if (seen.get(owner) === labels)
                    continue;
                // Labels are fixed at creation: a changed part is a new volume.
                if (seen.has(owner))
                    await call(['volume', 'rm', '-f', VOLUME_PREFIX + owner]);
                await call([
                    'volume',
                    'create',
                    '--label',
                    `${OWNER_LABEL}=${owner}`,
                    '--label',
                    `${USES}=${labels}`,
                    VOLUME_PREFIX + owner
                ]);
            }
            seen = new Map([...wanted].map(([owner, uses]) => [owner, encode(uses)]));
        },
        running
    };
}

;// CONCATENATED MODULE: ./src/engine/helper.ts
// Changing binfmt_misc through a container engine, for a process that cannot change it itself
// (an unprivileged `container:` job, a user without sudo but with the Docker socket). Each
// change is one short-lived privileged helper container running the registrar (a static
// program of our own, src/binfmt/registrar-program.ts). The helper image is built in memory
// and loaded with `docker load`: no registry. It carries the interpreters, so the F flag
// makes the kernel open them from inside the helper and keep them after it exits.










/** Where the helper image keeps interpreters: a folder per file digest, so a path names its bytes. */
const HELPER_INTERPRETERS = '/setup-binfmt';
const HELPER_REPOSITORY = 'setup-binfmt-helper';
/** Where a helper that needs the host's files has the host's root, read-only. */
const HOST_ROOT = '/host';
const helper_RUN_TIMEOUT = 120_000;
/** What works instead, for an engine whose privileged containers cannot reach the host's table. */
const ALTERNATIVES = 'register from the host instead: as root or with sudo (registrar: direct), once per boot with ' +
    "'sudo setup-binfmt export' (systemd-binfmt then loads the entries at every boot), or from a " +
    'rootful Docker or Podman that allows --privileged';
/** A container engine able to run the registrar privileged on the host's kernel. */
class Helper {
    engine;
    arch;
    log;
    tags = [];
    /** The local file behind each interpreter path in the helper images. */
    localFiles = new Map();
    constructor(engine, arch, log) {
        this.engine = engine;
        this.arch = arch;
        this.log = log;
    }
    get label() {
        return LABEL[this.engine.name];
    }
    /** Check that the engine can change the host's table: rootful, and on this architecture. */
    static async start(engine, log) {
        const query = engine.name === 'podman'
            ? ['info', '--format', '{{.Host.Arch}} {{.Host.Security.Rootless}}']
            : ['info', '--format', '{{.Architecture}} {{json .SecurityOptions}}'];
        const info = await exec_run([...engine.command, ...query], { log, timeoutMs: 30_000 });
        const [arch, ...rest] = info.stdout.trim().split(' ');
        const security = rest.join(' ');
        const label = LABEL[engine.name];
        if (/rootless|^true$/.test(security)) {
            throw new Error(`${label} runs rootless here (${engine.name} info: ${security}): its privileged containers live in a ` +
                `user namespace and cannot change the host's binfmt_misc. To get emulation, ${ALTERNATIVES}.`);
        }
        const hostArch = registrarArch(arch);
        const ours = registrarArch(process.arch);
        if (!hostArch) {
            throw new Error(`${label} runs on ${arch}; registering through a helper container works on x86_64 and aarch64 hosts. ` +
                `Use registrar: direct on that host`);
        }
        if (hostArch !== ours) {
            throw new Error(`${label} runs on ${arch} and this process on ${process.arch}: the interpreters got here would not run ` +
                `on the engine's host. Run setup-binfmt on a machine of the engine's architecture`);
        }
        log?.debug(`${engine.name}: rootful on ${arch} (${security})`);
        return new Helper(engine, hostArch, log);
    }
    /**
     * Build and load a helper image: the registrar and, when given, the interpreters. Later runs
     * use it. Returns the path each interpreter has inside the helper.
     */
    async load(interpreters = new Map()) {
        const files = [
            { path: '/registrar', mode: 0o755, content: registrarProgram(this.arch) },
            { path: HELPER_TABLE, directory: true }
        ];
        const paths = new Map();
        for (const [target, local] of interpreters) {
            const content = await (0,promises_namespaceObject.readFile)(local);
            const path = `${HELPER_INTERPRETERS}/${hash_sha256(content).slice(0, 16)}/${(0,external_node_path_namespaceObject.basename)(local)}`;
            paths.set(target, path);
            this.localFiles.set(path, local);
            if (!files.some(f => f.path === path))
                files.push({ path, mode: 0o755, content });
        }
        const tag = `${HELPER_REPOSITORY}:${process.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`;
        const { archive } = imageArchive([
            {
                tag,
                platform: this.arch === 'x86_64' ? 'linux/amd64' : 'linux/arm64',
                files,
                entrypoint: ['/registrar']
            }
        ]);
        this.log?.debug(`${this.engine.name}: loading ${tag} (${archive.length} bytes)`);
        try {
            await exec_run([...this.engine.command, 'load', '-q'], {
                input: archive,
                timeoutMs: helper_RUN_TIMEOUT,
                log: this.log
            });
        }
        catch (e) {
            throw new Error(`Cannot load the helper image into ${this.label}: ${e.message}`, {
                cause: e
            });
        }
        this.tags.push(tag);
        return paths;
    }
    /**
     * Run the registrar once with these operations (see registrar-program.ts); with `hostRoot`
     * the host's root is bound read-only at /host, for `c`.
     */
    async run(ops, { hostRoot = false } = {}) {
        const name = `${HELPER_REPOSITORY}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`;
        // Only what the registrar needs, not --privileged (which also fails where the engine's
        // own bounding set lacks a capability): CAP_SYS_ADMIN to mount binfmt_misc and write to it
        // and to enter the host's mount namespace, CAP_SYS_PTRACE to open that namespace through
        // /proc/1 (--pid=host), no AppArmor, seccomp or SELinux confinement of mount and setns.
        // --userns=host: an engine that remaps users would make the helper's table a private one.
        const argv = [
            ...this.engine.command,
            'run',
            '--rm',
            '--cap-add',
            'SYS_ADMIN',
            '--cap-add',
            'SYS_PTRACE',
            '--security-opt',
            'apparmor=unconfined',
            '--security-opt',
            'seccomp=unconfined',
            '--security-opt',
            'label=disable',
            '--pid=host',
            '--userns=host',
            '--network',
            'none',
            '--pull',
            'never',
            '--name',
            name,
            ...(hostRoot ? ['-v', `/:${HOST_ROOT}:ro`] : []),
            // Podman as root raises the container's limits above its own, which fails without
            // CAP_SYS_RESOURCE (inside a container); the registrar needs a handful of files.
            ...(this.engine.name === 'podman'
                ? ['--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024']
                : []),
            ...(this.engine.runOptions ?? []),
            await this.image(),
            ...ops
        ];
        const r = await exec_run(argv, { allowFailure: true, timeoutMs: helper_RUN_TIMEOUT, log: this.log });
        if (r.signal) {
            await exec_run([...this.engine.command, 'rm', '-f', name], { allowFailure: true, log: this.log });
        }
        return r;
    }
    /** The newest helper image loaded, loading one with the registrar alone when none is. */
    async image() {
        if (this.tags.length === 0)
            await this.load();
        return this.tags[this.tags.length - 1];
    }
    /** Remove the images this helper loaded. */
    async close() {
        const tags = this.tags.splice(0);
        if (tags.length === 0)
            return;
        const r = await exec_run([...this.engine.command, 'rmi', ...tags], {
            allowFailure: true,
            timeoutMs: helper_RUN_TIMEOUT,
            log: this.log
        }).catch((e) => ({ code: -1, stderr: e.message, stdout: '' }));
        if (r.code !== 0) {
            this.log?.warning(`${this.engine.name} rmi ${tags.join(' ')} failed: ${dockerError(r.stderr)}; remove it by hand`);
        }
    }
}
/** The registrar's failure as an error; `code` is the errno name, as table.ts expects. */
function registrarError(helper, r, what) {
    const stage = /registrar: (\S+) failed/.exec(r.stderr)?.[1];
    if (!stage) {
        const detail = dockerError(r.stderr) || `exit ${r.code}`;
        const hint = /privileged|user namespace|userns/i.test(detail)
            ? ` ${helper.label} refuses privileged containers here. To get emulation, ${ALTERNATIVES}.`
            : '';
        return new Error(`The ${helper.engine.name} helper container could not run (${detail}).${hint}`);
    }
    const errno = errnoName(r.code);
    if (stage === 'write') {
        return Object.assign(new Error(`${what}: ${errno}`), { code: errno });
    }
    const hint = errno === 'EPERM' || errno === 'EACCES'
        ? ` The engine does not give the helper full privileges (a security profile, or a user namespace). To get emulation, ${ALTERNATIVES}.`
        : '';
    return new Error(`The helper's ${stage} of binfmt_misc failed: ${errno}.${hint}`);
}
/**
 * The table through the helper: every read is a dump, every write one helper run that
 * dumps the table again afterwards, so reads in between cost nothing.
 */
function engineWriter(helper, log) {
    let last;
    // Once per step the registrar tries to mount binfmt_misc on the host when it is not (`h`):
    // since Linux 6.7 a table nobody has mounted empties when the helper's mount goes.
    let hostMountTried = false;
    // Set when `h` failed: whether the write outlived the helper is then for a fresh read to say.
    let hostUnreached;
    const dump = async (ops, what, options = {}) => {
        const r = await helper.run(ops, options);
        const wroteAndDumped = r.stderr.startsWith('w\n') && r.stdout.startsWith('/proc/self/uid_map\0');
        if (r.code !== 0 && ops.at(-1) === 'h' && wroteAndDumped) {
            hostUnreached = `${r.stderr.replace(/^(w\n)+/, '').trim()}: ${errnoName(r.code)}`;
            log?.debug(`${helper.engine.name} helper: cannot reach the host's mount namespace (${hostUnreached})`);
        }
        else if (r.code !== 0)
            throw registrarError(helper, r, what);
        const d = parseDump(r.stdout);
        if (!isInitialUserNamespace(d.uidMap)) {
            throw new Error(`The ${helper.engine.name} helper container runs in a user namespace (uid_map ${JSON.stringify(d.uidMap.trim())}), ` +
                `where binfmt_misc is not the host's. To get emulation, ${ALTERNATIVES}.`);
        }
        last = d;
        return d;
    };
    const files = async () => (last ?? (await dump(['m', HELPER_TABLE, 'd'], 'reading'))).files;
    // An entry written in a table that nobody on the host mounts goes with the helper's mount
    // (Linux 6.7+): a second helper, mounting afresh, shows whether it stayed.
    const checkOutlived = async (line) => {
        const why = hostUnreached;
        hostUnreached = undefined;
        const entry = line?.split(':')[1];
        if (!entry)
            return;
        const after = await dump(['m', HELPER_TABLE, 'd'], 'reading');
        if (after.files.has(entry))
            return;
        throw new Error(`The entry ${entry} registered through the ${helper.label} helper vanished when the helper exited: the host has no binfmt_misc mounted at /proc/sys/fs/binfmt_misc, and the helper could not enter the host's mount namespace to mount it (${why}). Mount it on the host ('sudo mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc', or enable systemd's proc-sys-fs-binfmt_misc.automount), then run again`);
    };
    return {
        files,
        write: async (file, data) => {
            if (!last)
                await files(); // the user namespace check comes before any change
            const name = (0,external_node_path_namespaceObject.basename)(file);
            // A line whose interpreter is in the helper resolves there; any other (an entry reset
            // removed, put back) resolves on the host, where its registrant found it.
            const interpreter = name === 'register' ? (data.split(':')[6] ?? '') : '';
            const inHelper = name !== 'register' || interpreter.startsWith(`${HELPER_INTERPRETERS}/`);
            const write = ['w', name, data];
            const ops = inHelper
                ? ['m', HELPER_TABLE, ...write, 'd', ...(hostMountTried ? [] : ['h'])]
                : ['m', HELPER_TABLE, 'c', HOST_ROOT, ...write, 'd'];
            hostMountTried = true;
            log?.debug(`${helper.engine.name} helper: ${ops.join(' ')}`);
            const what = `Writing '${data}' to binfmt_misc ${name} through the ${helper.label} helper`;
            await dump(ops, what, { hostRoot: !inHelper });
            if (hostUnreached !== undefined)
                await checkOutlived(name === 'register' ? data : undefined);
        },
        mount: async () => { },
        place: interpreters => {
            // Registration reads the table afresh, under the lock: it may have changed meanwhile.
            last = undefined;
            return helper.load(interpreters);
        },
        localFile: path => helper.localFiles.get(path),
        close: () => helper.close(),
        shared: engineRecord(helper.engine, () => helper.image(), log)
    };
}

;// CONCATENATED MODULE: ./src/engine/registrar.ts
// Which way this run changes binfmt_misc: directly (as root, or through sudo) or through a
// container engine's privileged helper. `auto` takes the direct way when this process can
// change the table itself, and the engine otherwise.









const REGISTRARS = ['auto', 'direct', 'docker', 'podman'];
const CAP_SYS_ADMIN = 21n;
/** Why this process cannot change the table at `root` itself, or undefined when it can. */
async function whyNotDirect(root, log) {
    if (process.getuid?.() !== 0) {
        const probe = await exec_run(['sudo', '-n', 'true'], { allowFailure: true, log }).catch((e) => ({ code: -1, stderr: e.message, stdout: '' }));
        if (probe.code === 0)
            return undefined;
        return (`Changing binfmt_misc needs root, and this user (uid ${process.getuid?.()}) has no ` +
            `passwordless sudo (sudo -n true: ${lastLine(probe.stderr) || `exit ${probe.code}`})`);
    }
    // Reading status first triggers systemd's automount, where there is one.
    await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(root, 'status')).catch(() => undefined);
    const register = (0,external_node_path_namespaceObject.join)(root, 'register');
    const mounted = await (0,promises_namespaceObject.access)(register).then(() => true, () => false);
    if (mounted) {
        return (0,promises_namespaceObject.access)(register, external_node_fs_namespaceObject.constants.W_OK).then(() => undefined, (e) => `binfmt_misc at ${root} is not writable here (${e.code}: an unprivileged container?)`);
    }
    const status = await (0,promises_namespaceObject.readFile)('/proc/self/status', 'utf8').catch(() => '');
    const capEff = BigInt(`0x${/^CapEff:\s*([0-9a-f]+)/im.exec(status)?.[1] ?? '0'}`);
    if (((capEff >> CAP_SYS_ADMIN) & 1n) === 0n) {
        return `binfmt_misc is not mounted at ${root} and this process may not mount it (no CAP_SYS_ADMIN: an unprivileged container?)`;
    }
    const uidMap = await (0,promises_namespaceObject.readFile)('/proc/self/uid_map', 'utf8').catch(() => '');
    if (!isInitialUserNamespace(uidMap)) {
        return (`binfmt_misc is not mounted at ${root} and this process is in a user namespace ` +
            `(uid_map ${JSON.stringify(uidMap.trim())}): a binfmt_misc it mounts is its own, which the host's containers do not use`);
    }
    return undefined;
}
/**
 * The direct writer, joined to Docker's lock and owners record when Docker answers here as
 * root's: on a self-hosted machine `container:` jobs keep theirs there (each job container has
 * its own /run), and a direct run that used root's folder alone would remove entries they use.
 * Not on GitHub-hosted runners, which run one job per machine.
 */
async function registrar_directWriter(root, log) {
    const writer = await chooseWriter(log);
    // Docker's record is for the table of the initial user namespace, the one its containers
    // use: a process in another user namespace has a binfmt_misc of its own.
    const uidMap = await (0,promises_namespaceObject.readFile)('/proc/self/uid_map', 'utf8').catch(() => '');
    const alone = root !== DEFAULT_ROOT ||
        !isInitialUserNamespace(uidMap) ||
        process.env.RUNNER_ENVIRONMENT === 'github-hosted' ||
        process.env.SETUP_BINFMT_LOCK_DIR;
    if (alone)
        return writer;
    const engine = await availableEngine(log, ['docker']);
    const helper = engine &&
        (await Helper.start(engine, log).catch((e) => {
            log.debug(`binfmt_misc lock and owners record: root's folder alone (${e.message})`);
            return undefined;
        }));
    if (!helper)
        return writer;
    log.debug(`binfmt_misc lock and owners record: root's folder and ${helper.label}'s, shared with container: jobs`);
    return {
        ...writer,
        shared: engineRecord(helper.engine, () => helper.image(), log, { alongsideHost: true }),
        close: async () => {
            await writer.close?.();
            await helper.close();
        }
    };
}
/** The registrar for this run, logged with the reason it was taken. */
async function chooseRegistrar(choice, root, log) {
    if (choice === 'direct' || (choice === 'auto' && root !== DEFAULT_ROOT)) {
        log.info(`registrar: direct${choice === 'auto' ? ` (a table of its own at ${root})` : ''}`);
        return { registrar: 'direct', writer: await registrar_directWriter(root, log) };
    }
    if (choice === 'auto') {
        const why = await whyNotDirect(root, log);
        if (why === undefined) {
            log.info(`registrar: direct (this process can change binfmt_misc: ${process.getuid?.() === 0 ? 'root' : 'sudo -n'})`);
            return { registrar: 'direct', writer: await registrar_directWriter(root, log) };
        }
        const direct = `${why}. Run as root, or allow this user to run sudo without a password.`;
        const engine = await availableEngine(log, ENGINE_NAMES);
        if (!engine) {
            throw new Error(`${direct} Neither Docker nor Podman answers ('docker version', 'podman version') to register through a ` +
                `privileged helper container instead: give this job a rootful engine (the Docker socket, or podman as root)`);
        }
        const helper = await Helper.start(engine, log).catch((e) => {
            throw new Error(`${direct} ${e.message}`, { cause: e });
        });
        log.info(`registrar: ${engine.name}, through a privileged helper container (${why})`);
        return { registrar: engine.name, writer: engineWriter(helper, log) };
    }
    const helper = await Helper.start(containerEngine(choice), log).catch((e) => {
        throw new Error(`registrar '${choice}': ${e.message}`, { cause: e });
    });
    log.info(`registrar: ${choice}, through a privileged helper container (asked for)`);
    return { registrar: choice, writer: engineWriter(helper, log) };
}
/** The writer for a recorded run: the way it took, again (post, uninstall). */
async function reopenRegistrar(registrar, root, log) {
    if (!registrar || registrar === 'direct')
        return registrar_directWriter(root, log);
    const helper = await Helper.start(containerEngine(registrar), log);
    log.info(`registrar: ${registrar}, as the recorded run did`);
    return engineWriter(helper, log);
}

;// CONCATENATED MODULE: ./src/options.ts
// Options of one run, parsed and checked before anything on the machine changes. The action
// (inputs.ts) and the CLI read their raw strings differently and share this parser.







/** The options' names: the action's inputs and the CLI's options for install (but cleanup). */
const OPTION_NAMES = (/* unused pure expression or super */ null && ([
    'platforms',
    'flags',
    'source',
    'qemu-path',
    'qemu-version',
    'manifest',
    'reset',
    'cleanup',
    'verify',
    'smoke-image',
    'registrar'
]));
const DEFAULTS = {
    platforms: 'all',
    flags: 'POCF',
    source: 'auto',
    reset: 'false',
    cleanup: 'true',
    verify: 'auto',
    registrar: 'auto'
};
function parseOptions(raw) {
    const value = (key, fallback = '') => raw[key]?.trim() || fallback;
    return {
        platforms: parsePlatforms(value('platforms', DEFAULTS.platforms)),
        flags: parseFlags(value('flags', DEFAULTS.flags)),
        source: parseChoice('source', value('source', DEFAULTS.source), SOURCES),
        qemuPath: parseQemuPath(value('qemu-path')),
        qemuVersion: parseQemuVersion(value('qemu-version')),
        manifest: parseManifestLocation(value('manifest')),
        reset: parseBoolean('reset', value('reset', DEFAULTS.reset)),
        cleanup: parseBoolean('cleanup', value('cleanup', DEFAULTS.cleanup)),
        verify: parseChoice('verify', value('verify', DEFAULTS.verify), VERIFY_METHODS),
        smokeImage: parseImage(value('smoke-image')),
        registrar: parseChoice('registrar', value('registrar', DEFAULTS.registrar), REGISTRARS)
    };
}
function parseFlags(input) {
    const bad = [...input].filter(c => !'POCFpocf'.includes(c));
    if (bad.length > 0) {
        throw new Error(`flags '${input}' has ${bad.map(c => JSON.stringify(c)).join(', ')}: only the letters P, O, C and F are allowed (default POCF)`);
    }
    return canonicalFlags(input);
}
function parseChoice(name, input, choices) {
    const value = input.toLowerCase();
    if (!choices.includes(value)) {
        throw new Error(`${name} '${input}' is not one of ${choices.join(', ')}`);
    }
    return value;
}
/** An image reference goes into docker's argv: refuse what could read as an option. */
function parseImage(input) {
    if (!input)
        return undefined;
    if (!/^[a-z0-9][a-z0-9._\-/:@]*$/i.test(input)) {
        throw new Error(`smoke-image '${input}' is not an image reference: use for example alpine:3.20`);
    }
    return input;
}
function parseQemuPath(input) {
    if (!input)
        return undefined;
    if (!input.startsWith('/') || /[:\n\0]/.test(input)) {
        throw new Error(`qemu-path '${input}' must be an absolute folder path without ':' or newlines (the kernel's register format splits on ':')`);
    }
    return input.replace(/\/+$/, '') || '/';
}
function parseQemuVersion(input) {
    if (!input)
        return undefined;
    if (!semver_default().validRange(input)) {
        throw new Error(`qemu-version '${input}' is neither a version nor a range: use for example 10.0.13 or 10.x`);
    }
    return input;
}
function parseManifestLocation(input) {
    if (!input)
        return undefined;
    if (isUrl(input)) {
        try {
            checkUrl(input, { of: 'manifest' }, 'manifest');
        }
        catch {
            throw new Error(`manifest '${input}' must be an https:// or http:// URL, or a local file path`);
        }
    }
    return input;
}
function parseBoolean(name, input) {
    const v = input.toLowerCase();
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new Error(`${name} '${input}' is not a boolean: use true or false`);
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
    // An entry that was in the table before this run is never this run's to remove.
    const before = (e) => state.snapshot.some(s => s.name === e.name && sameDefinition(s, e));
    // Entries another run registered and this one shared: the last user removes them.
    for (const entry of [...(state.adopted ?? [])].reverse()) {
        const others = owners?.others(entry, me) ?? [];
        owners?.release(entry, me);
        const current = await table.get(entry.name);
        if (!current || !sameDefinition(current, entry))
            continue;
        if (others.length > 0) {
            log.info(`kept ${entry.name}: still used by ${describeOwners(others)}`);
            report.shared.push(entry.name);
            continue;
        }
        if (before(entry)) {
            log.info(`left ${entry.name} in place: it was there before this run`);
            continue;
        }
        await table.remove(entry.name);
        log.info(`removed ${entry.name} (the last run using it)`);
        report.removed.push(entry.name);
    }
    for (const entry of [...state.created].reverse()) {
        const others = owners?.others(entry, me) ?? [];
        if (others.length > 0) {
            owners?.release(entry, me);
            log.info(`kept ${entry.name}: still used by ${describeOwners(others)}`);
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
        else if (before(entry)) {
            log.info(`left ${entry.name} in place: it was there before this run`);
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
 * to it meanwhile, and whatever it added is undone too rather than forgotten. `forgetOwners`
 * first drops the owners records of the run's entries, so that records crashed runs left
 * keep none of them.
 */
async function restoreSaved(store, log, options = {}) {
    const first = store.load();
    if (!first)
        return undefined;
    const table = await BinfmtTable.open({ root: first.root, log, writer: options.writer });
    const place = await lockPlaceFor(table, log, options.lockDir);
    return withLock(place, async () => {
        const state = store.load();
        if (!state)
            return undefined;
        if (state.root !== first.root) {
            throw new Error(`The saved state changed its binfmt_misc folder from ${first.root} to ${state.root} meanwhile`);
        }
        const owners = await Owners.read(place, log);
        if (options.forgetOwners)
            forgetOwners(owners, state, log);
        const report = await restore(table, state, log, owners);
        store.clear();
        return report;
    }, log);
}
function forgetOwners(owners, state, log) {
    const me = state.owner ?? '';
    for (const entry of [...(state.adopted ?? []), ...state.created]) {
        const forgot = owners.forget(entry, me);
        log.info(forgot.length > 0
            ? `--forget-owners: forgot ${entry.name}'s owners ${describeOwners(forgot)}`
            : `--forget-owners: no other run was recorded for ${entry.name}`);
    }
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
    if (state.registrar !== undefined && !['direct', 'docker', 'podman'].includes(state.registrar)) {
        throw new Error(`${where}: the registrar ${JSON.stringify(state.registrar)} is not direct, docker or podman: delete it`);
    }
}
/**
 * A JSON file, for the CLI: install appends to it, uninstall undoes it and deletes it. It and
 * its folder must belong to root or this user and be writable by nobody else.
 */
function fileStore(path) {
    const what = 'setup-binfmt state';
    const name = (0,external_node_path_namespaceObject.basename)(path);
    return {
        load: () => {
            const dir = existingPrivateDir((0,external_node_path_namespaceObject.dirname)(path), what);
            const text = dir === undefined ? undefined : readPrivateFile((0,external_node_path_namespaceObject.join)(dir, name), what);
            return text === undefined ? undefined : parseRunState(text, path);
        },
        save: state => {
            writePrivateFile(privateDir((0,external_node_path_namespaceObject.dirname)(path), what), name, JSON.stringify(state, null, 2));
        },
        clear: () => {
            const dir = existingPrivateDir((0,external_node_path_namespaceObject.dirname)(path), what);
            if (dir !== undefined)
                (0,external_node_fs_namespaceObject.rmSync)((0,external_node_path_namespaceObject.join)(dir, name), { force: true });
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
    static begin(store, root, cleanup, snapshot, owner, registrar) {
        const previous = store.load();
        const start = previous && previous.root === root
            ? { owner, registrar, ...previous, cleanup: previous.cleanup && cleanup }
            : {
                version: 1,
                root,
                cleanup,
                snapshot,
                created: [],
                removed: [],
                adopted: [],
                owner,
                registrar
            };
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

;// CONCATENATED MODULE: ./src/binfmt/kernel-flags.ts
// What the running kernel can honour of the flags asked for. binfmt_misc has accepted P
// (preserve argv[0]) for long, but the interpreter learns that P is in effect only from
// AT_FLAGS, which Linux 5.12 added. On an older kernel QEMU cannot tell that the kernel put
// the original argv[0] after the program's path, and every emulated program would see it as
// an extra first argument. So there P is dropped, with a warning: argv[0] becomes the path.
/** The first kernel that tells the interpreter about P through AT_FLAGS. */
const P_NEEDS = [5, 12];
/** major.minor of a kernel release string such as os.release() gives; undefined if none. */
function kernelVersion(release) {
    const m = /^(\d+)\.(\d+)/.exec(release.trim());
    return m ? [Number(m[1]), Number(m[2])] : undefined;
}
/** `flags` (canonical) as this kernel can honour them, and the warning when one was dropped. */
function flagsForKernel(flags, release) {
    const version = kernelVersion(release);
    // An unreadable release keeps P: the argv0 check then says whether it works.
    if (!flags.includes('P') || !version)
        return { flags };
    const [major, minor] = version;
    if (major > P_NEEDS[0] || (major === P_NEEDS[0] && minor >= P_NEEDS[1]))
        return { flags };
    const kept = flags.replace('P', '');
    return {
        flags: kept,
        warning: `flags '${flags}' include P, but kernel ${release} is older than ${P_NEEDS.join('.')}: it cannot tell QEMU that argv[0] was preserved, so emulated programs would get an extra argument. Registering with '${kept}' instead: programs see their full path as argv[0]. Use a ${P_NEEDS.join('.')}+ kernel to keep argv[0], or pass flags without P to silence this.`
    };
}

;// CONCATENATED MODULE: ./src/setup.ts
// The main job, shared by the action and the CLI:
// options -> plan (targets) -> interpreters -> registration -> result.













async function setup(asked, deps) {
    const timings = {};
    const log = timedGroups(deps.log, timings);
    const fitted = flagsForKernel(asked.flags, deps.kernelRelease ?? (0,external_node_os_namespaceObject.release)());
    const options = { ...asked, flags: fitted.flags };
    let chosen;
    try {
        return await setupWith(options, deps, log, timings, fitted.warning, async () => {
            chosen ??= deps.writer
                ? { registrar: 'direct', writer: deps.writer }
                : await chooseRegistrar(options.registrar, deps.root ?? DEFAULT_ROOT, log);
            return chosen;
        });
    }
    finally {
        // The helper image goes: entries with F keep their interpreters open.
        await chosen?.writer.close?.();
    }
}
async function setupWith(options, deps, log, timings, flagsWarning, registrar) {
    const plan = await log.group('Plan', async () => {
        if (flagsWarning)
            log.warning(flagsWarning);
        const { registrar: way, writer } = await registrar();
        if (way !== 'direct' && !options.flags.includes('F')) {
            throw new Error(`flags '${options.flags}' lack F: through a helper container the interpreters exist only inside the helper, ` +
                `so the kernel must open them when they are registered. Add F (the default is POCF), or use registrar: direct`);
        }
        // The table as this process sees it decides what runs natively; a helper reads it here.
        const entries = writer.files
            ? await (await BinfmtTable.open({ root: deps.root, log, writer })).inMatchOrder()
            : await BinfmtTable.read(deps.root);
        const native = deps.native ?? (await nativeTargets(entries, log, deps.exec));
        const p = makePlan(options.platforms, native, log);
        log.info(`native: ${p.native.join(', ') || 'none'}`);
        log.info(`to emulate: ${p.targets.join(', ') || 'nothing'}; flags ${options.flags}`);
        if (!options.flags.includes('F')) {
            log.warning(`flags '${options.flags}' lack F: containers and chroots will not find the interpreter. Add F unless you know you need it off.`);
        }
        return p;
    });
    const acquired = plan.targets.length === 0
        ? undefined
        : await log.group('Get QEMU', async () => {
            const got = await acquire({ ...options, targets: plan.targets }, log);
            for (const [t, path] of got.interpreters)
                log.info(`${t}: ${path}`);
            log.info(`QEMU ${got.version} from ${got.source}${got.cacheHit ? ' (nothing downloaded)' : ''}`);
            for (const f of got.files)
                log.info(`${f.targets.join(', ')}: from ${f.file}`);
            return got;
        });
    const run = await log.group('Register', async () => {
        const { registrar: way, writer } = await registrar();
        const table = await BinfmtTable.open({ root: deps.root, log, writer, start: deps.start });
        const interpreters = await table.place(acquired?.interpreters ?? new Map());
        const place = await lockPlaceFor(table, log, deps.lockDir);
        // One run at a time changes the table: others on this host wait here.
        return withLock(place, () => registerAll(table, plan, options, interpreters, place, way, deps.store, log), log);
    });
    const { table, journal, place, registered } = run;
    // All or nothing: entries that do not work would only fail later steps and other jobs.
    const undo = () => log.group('Undo', () => withLock(place, async () => rollBack(table, journal, log, await Owners.read(place, log), 'Verification'), log));
    let verified = [];
    if (options.verify !== 'none' && registered.length > 0) {
        try {
            verified = await log.group('Verify', async () => {
                // Without root the chroot check needs sudo, which a helper's user may lack; the
                // container check shows the same (F lets containers run the interpreter).
                const chroot = (await registrar()).registrar === 'direct' || process.getuid?.() === 0;
                if (!chroot) {
                    log.info('chroot check skipped: not root, and binfmt_misc is changed through a helper container');
                }
                return verify(table, registered, { ...options, chroot }, log, deps.exec);
            });
        }
        catch (e) {
            // A check that could not be done (no engine, the engine cannot start containers).
            await undo();
            throw e;
        }
    }
    const emulatedPlatforms = registered.flatMap(r => ociPlatforms(r.target));
    const nativePlatforms = plan.native
        .filter(t => CONTAINER_TARGETS.includes(t))
        .flatMap(ociPlatforms);
    const result = {
        plan,
        registered,
        acquired,
        verified,
        platforms: [...new Set([...nativePlatforms, ...emulatedPlatforms])],
        emulatedPlatforms,
        emulators: registered.map(r => r.entry.name),
        timings
    };
    const failed = verificationError(result);
    if (failed) {
        await undo();
        throw new SetupFailure(`${failed.message}\nNothing of this run is left registered: binfmt_misc is as it was before it.`, { ...result, registered: [], emulatedPlatforms: [], emulators: [] });
    }
    return result;
}
/** A run that failed its checks and was undone; the result says what was tried. */
class SetupFailure extends Error {
    result;
    constructor(message, result) {
        super(message);
        this.result = result;
    }
}
async function registerAll(table, plan, options, interpreters, place, registrar, store, log) {
    const owners = await Owners.read(place, log);
    const owner = store.load()?.owner ?? newOwnerId();
    // Entries other running jobs registered come and go with them: not part of our snapshot.
    // In match order, so post can tell whether entries are tried in the same order again.
    const snapshot = (await table.inMatchOrder()).filter(e => owners.others(e, owner).length === 0);
    const journal = Journal.begin(store, table.root, options.cleanup, snapshot, owner, registrar);
    try {
        if (options.reset)
            await resetQemuEntries(table, journal, log, owners);
        const done = [];
        for (const t of plan.targets) {
            const interpreter = interpreters.get(t) ?? '';
            const r = await registerTarget(table, journal, t, interpreter, options.flags, log, owners);
            log.info(`${t}: ${r.action} ${r.entry.name} -> ${r.entry.interpreter} (flags ${r.entry.flags})`);
            done.push(r);
        }
        return { table, journal, place, registered: done };
    }
    catch (e) {
        await rollBack(table, journal, log, owners, 'Registration');
        throw e;
    }
}
/** All or nothing: undo what this run registered or reset before the failure. */
async function rollBack(table, journal, log, owners, what) {
    const undo = journal.thisRun();
    const adopted = undo.adopted ?? [];
    if (undo.created.length === 0 && undo.removed.length === 0 && adopted.length === 0)
        return;
    const names = (entries) => entries.map(e => e.name).join(', ') || 'nothing';
    log.warning(`${what === 'Registration' ? 'Registration failed half-way' : 'Verification failed'}: removing what this run registered (${names(undo.created)}) ` +
        `and putting back what reset removed (${names(undo.removed)})`);
    await restore(table, undo, log, owners);
    journal.forgetThisRun();
}
/** The same log, with the wall time of each group recorded under its name. */
function timedGroups(log, timings) {
    return {
        ...log,
        group: async (name, fn) => {
            const start = performance.now();
            try {
                return await log.group(name, fn);
            }
            finally {
                timings[name] = Math.round(performance.now() - start);
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/daemon/status.ts
// The daemon's health, as a file any probe can read: a Kubernetes liveness probe runs
// `setup-binfmt health`, which reads it and answers with its exit code.


async function writeStatus(path, status) {
    writeFileAtomic(path, `${JSON.stringify(status, null, 2)}\n`, { mode: 0o644 });
}
/** Exit codes of `setup-binfmt health`. */
const HEALTH = { healthy: 0, unhealthy: 1, unknown: 2 };
/** Healthy when the last check found every entry and is recent (three intervals, at least 5 s). */
async function health(path, now = Date.now()) {
    let status;
    try {
        status = JSON.parse(await (0,promises_namespaceObject.readFile)(path, 'utf8'));
    }
    catch (e) {
        return {
            code: HEALTH.unknown,
            message: `no daemon status in ${path} (${e.message}): is 'setup-binfmt daemon --status-file ${path}' running?`
        };
    }
    const age = now - Date.parse(status.checkedAt);
    const limit = Math.max(3 * status.intervalMs, 5000);
    if (!(age <= limit)) {
        return {
            code: HEALTH.unknown,
            message: `the daemon (pid ${status.pid}) last checked the table ${Math.round(age / 1000)} s ago (limit ${limit / 1000} s): it is stuck or gone`
        };
    }
    const missing = status.entries.filter(e => !e.present).map(e => e.name);
    if (!status.healthy) {
        const why = status.lastError ?? `${missing.join(', ')} missing`;
        return { code: HEALTH.unhealthy, message: `unhealthy: ${why}` };
    }
    const names = status.entries.map(e => e.name).join(', ') || 'nothing';
    return {
        code: HEALTH.healthy,
        message: `healthy: ${names} registered; ${status.heals} heal(s) since ${status.startedAt}`
    };
}

;// CONCATENATED MODULE: ./src/daemon/daemon.ts
// Node mode for fleets: keep the chosen platforms registered on a host for as long as this
// process lives. Something may wipe entries at any time (a systemd-binfmt restart, another
// tool's reset, kind or minikube): the daemon notices within one interval and registers them
// again through the same setup flow; on SIGTERM it removes what it registered, as post does.




/** The daemon's state lives and dies with its process: a store in memory. */
function processStore() {
    let state;
    return {
        load: () => state,
        save: s => void (state = s),
        clear: () => void (state = undefined)
    };
}
/** Which of the entries we keep are missing, or no longer as we registered them. */
async function lost(root, kept) {
    const now = new Map((await BinfmtTable.read(root)).map(e => [e.name, e]));
    return kept.filter(({ entry }) => {
        const current = now.get(entry.name);
        return !current || !sameDefinition(current, entry) || !current.enabled;
    });
}
async function runDaemon(asked, deps) {
    const { log, intervalMs } = deps;
    // It reads the table every interval, which a helper container would turn into a container
    // start per interval: the daemon runs where binfmt_misc is in reach (the DaemonSet's pod).
    if (asked.registrar !== 'auto' && asked.registrar !== 'direct') {
        throw new Error(`daemon --registrar ${asked.registrar}: the daemon reads binfmt_misc every interval, which it does only directly. ` +
            `Run it as root where binfmt_misc is reachable (as the DaemonSet's privileged pod does), with --registrar direct or auto`);
    }
    const options = { ...asked, registrar: 'direct' };
    const root = deps.root ?? DEFAULT_ROOT;
    const store = processStore();
    const startedAt = new Date().toISOString();
    let heals = 0;
    let lastHeal;
    let lastError;
    // Entries that fail their checks are undone by setup, which then throws: the node keeps none.
    const first = await setup(options, { log, store, root });
    const native = new Set(first.plan.native);
    let kept = [...first.registered];
    log.info(`daemon: keeping ${kept.map(r => r.entry.name).join(', ') || 'nothing'} registered in ${root}; checking every ${intervalMs} ms`);
    const report = async (missing) => {
        if (!deps.statusFile)
            return;
        const status = {
            pid: process.pid,
            startedAt,
            checkedAt: new Date().toISOString(),
            intervalMs,
            root,
            healthy: missing.length === 0 && lastError === undefined,
            entries: kept.map(r => ({ name: r.entry.name, present: !missing.includes(r) })),
            heals,
            lastHeal,
            lastError
        };
        await writeStatus(deps.statusFile, status);
    };
    let stopping = false;
    void deps.stop.then(() => (stopping = true));
    await report([]);
    while (!stopping) {
        await Promise.race([new Promise(resolve => setTimeout(resolve, intervalMs)), deps.stop]);
        if (stopping)
            break;
        let missing = [];
        try {
            missing = await lost(root, kept);
            if (missing.length > 0) {
                const start = performance.now();
                const names = missing.map(r => r.entry.name);
                log.warning(`daemon: ${names.join(', ')} vanished or changed: registering again`);
                forget(store, missing);
                // Only the lost targets, without the start's checks: native targets are known, and
                // the interpreters were verified at start.
                const targets = missing.map(r => r.target);
                const again = await setup({ ...options, platforms: { targets, all: false }, reset: false, verify: 'none' }, { log, store, root, native });
                kept = kept.map(r => again.registered.find(a => a.target === r.target) ?? r);
                heals++;
                lastHeal = {
                    at: new Date().toISOString(),
                    entries: names,
                    ms: Math.round(performance.now() - start)
                };
                log.info(`daemon: ${names.join(', ')} back in ${lastHeal.ms} ms`);
                missing = await lost(root, kept);
            }
            lastError = undefined;
        }
        catch (e) {
            lastError = e.message;
            log.warning(`daemon: could not put the entries back: ${lastError}; trying again`);
        }
        await report(missing);
    }
    log.info('daemon: stopping, removing what it registered');
    const restored = await restoreSaved(store, log);
    return restored && restored.differences.length > 0 ? 1 : 0;
}
/**
 * Entries that vanished or changed are no longer ours to undo: drop them from the record so
 * the next setup registers them afresh (a changed one under our name is left to whoever
 * changed it; ours then goes in under the next free name).
 */
function forget(store, gone) {
    const state = store.load();
    if (!state)
        return;
    const names = new Set(gone.map(r => r.entry.name));
    store.save({
        ...state,
        created: state.created.filter(e => !names.has(e.name)),
        adopted: (state.adopted ?? []).filter(e => !names.has(e.name))
    });
}

;// CONCATENATED MODULE: ./src/cli/cli.ts
// setup-binfmt on any Linux machine: the action's core behind a command line.















const DEFAULT_INTERVAL_MS = 500;

const USAGE = `Usage: setup-binfmt <command> [options]

Commands:
  install     register QEMU interpreters for the given platforms
  export      install them for good: copy them to a stable folder and write one file per
              platform for systemd-binfmt or binfmt-support, which load them at every boot
  status      show the binfmt_misc table (--json for JSON; --registrar docker|podman
              reads it through a helper container)
  uninstall   remove what setup-binfmt install registered and put back what it removed;
              with --exported, delete what export wrote
  daemon      install, then keep the entries registered: put back within one interval any
              that vanish or change; on SIGTERM or SIGINT remove them and exit
  health      read a daemon's --status-file: exit 0 healthy, 1 unhealthy, 2 stale or absent

Options for install:
  --platforms LIST   comma or space separated (default ${DEFAULTS.platforms})
  --flags FLAGS      letters of P, O, C, F (default ${DEFAULTS.flags})
  --source NAME      auto, download, package or system (default ${DEFAULTS.source})
  --qemu-path DIR    folder holding qemu-<target>[-static] (source system)
  --qemu-version V   exact version or range, e.g. 10.0.13 or 10.x (default: newest stable)
  --manifest LOC     URL or path of a versions manifest (default: the built-in one)
  --reset            first remove every qemu-* entry (uninstall puts them back)
  --verify METHOD    auto, exec, docker, podman or none (default ${DEFAULTS.verify})
  --smoke-image REF  also run uname -m in this image per platform (docker or podman)
  --registrar WAY    auto, direct, docker or podman: change binfmt_misc directly (root or
                     sudo) or through a privileged helper container (default ${DEFAULTS.registrar}:
                     direct when this process can, else the engine that answers)

Options for export (and --platforms, --flags, --source, --qemu-path, --qemu-version, --manifest):
  --format NAME      systemd (/etc/binfmt.d/qemu-<target>.conf) or binfmt-support
                     (/usr/share/binfmts/qemu-<target>, for update-binfmts --import)
  --dir DIR          where those files go (default /etc/binfmt.d or /usr/share/binfmts)
  --install-dir DIR  where the interpreters go, a folder per QEMU version
                     (default /usr/local/lib/setup-binfmt)
  --dry-run          print the files instead of writing them

Options for uninstall:
  --exported         delete exactly the files export wrote (those --install-dir records)
  --forget-owners    first forget which other runs use the entries install registered (the
                     records of crashed runs), so uninstall removes them

Options for daemon (and every option of install):
  --interval MS      how often the table is read (default ${DEFAULT_INTERVAL_MS})
  --status-file F    write the daemon's health there after every check (health reads it)
  --binfmt-root DIR  the binfmt_misc folder to keep (default ${DEFAULT_ROOT}; a container
                     that mounts the host's elsewhere names that folder)

Common options:
  --state FILE       where install records what it changed, in a folder only root or you
                     can write (default $SETUP_BINFMT_STATE, else /run/setup-binfmt/state.json
                     as root, else setup-binfmt/state.json in $XDG_RUNTIME_DIR or
                     ~/.local/state)
  --json             machine-readable output (install, status)
  --verbose          debug output
  --help             this text
`;
function defaultStatePath() {
    if (process.env.SETUP_BINFMT_STATE)
        return process.env.SETUP_BINFMT_STATE;
    if (process.getuid?.() === 0)
        return '/run/setup-binfmt/state.json';
    // Never a shared folder such as /tmp: another user could plant the state there. The
    // store checks whichever folder it is.
    const base = process.env.XDG_RUNTIME_DIR || process.env.XDG_STATE_HOME || (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.local', 'state');
    return (0,external_node_path_namespaceObject.join)(base, 'setup-binfmt', 'state.json');
}
function consoleLog(verbose) {
    return {
        // The CLI may run in a workflow's run: step, whose output the runner reads for commands.
        info: m => console.error(safeLine(m)),
        debug: m => void (verbose && console.error(`debug: ${safeLine(m)}`)),
        notice: m => console.error(`notice: ${safeLine(m)}`),
        warning: m => console.error(`warning: ${safeLine(m)}`),
        group: async (name, fn) => {
            console.error(`== ${safeLine(name)}`);
            return fn();
        }
    };
}
function table(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
    return rows
        .map(r => r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd())
        .join('\n');
}
async function cli_status(json, statePath, registrar) {
    let mounted = (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(DEFAULT_ROOT, 'register'));
    let entries = await BinfmtTable.read(DEFAULT_ROOT);
    if (registrar === 'docker' || registrar === 'podman') {
        const { writer } = await chooseRegistrar(registrar, DEFAULT_ROOT, consoleLog(false));
        try {
            const table = await BinfmtTable.open({ root: DEFAULT_ROOT, writer });
            entries = await table.list();
            mounted = true;
        }
        finally {
            await writer.close?.();
        }
    }
    else if (registrar && registrar !== 'auto' && registrar !== 'direct') {
        throw new Error(`registrar '${registrar}' is not one of ${REGISTRARS.join(', ')}`);
    }
    const ours = new Set(fileStore(statePath)
        .load()
        ?.created.map(e => e.name) ?? []);
    if (json) {
        const out = entries.map(e => ({ ...e, managed: ours.has(e.name) }));
        console.log(JSON.stringify({ mounted, entries: out }, null, 2));
        return;
    }
    if (!mounted) {
        console.log(`binfmt_misc is not mounted at ${DEFAULT_ROOT}`);
        return;
    }
    const rows = entries.map(e => [
        e.name,
        e.enabled ? 'enabled' : 'disabled',
        e.flags || '-',
        e.interpreter,
        ours.has(e.name) ? 'setup-binfmt' : ''
    ]);
    console.log(table([['ENTRY', 'STATE', 'FLAGS', 'INTERPRETER', 'OWNER'], ...rows]));
}
/** What install --json prints: the outputs, each platform's entry, checks and phase times. */
function jsonResult(result) {
    return {
        platforms: result.platforms,
        emulatedPlatforms: result.emulatedPlatforms,
        emulators: result.emulators,
        native: result.plan.native,
        qemuVersion: result.acquired?.version ?? '',
        qemuFiles: result.acquired?.files ?? [],
        source: result.acquired?.source ?? '',
        cacheHit: result.acquired?.cacheHit ?? true,
        downloadedBytes: result.acquired?.downloadedBytes ?? 0,
        registered: result.registered.map(r => ({
            target: r.target,
            action: r.action,
            entry: r.entry
        })),
        verified: result.verified,
        timings: result.timings
    };
}
/** What export prints on standard output: the files (all of them with --dry-run), then how to load them. */
function printExport(result) {
    if (result.entries.length === 0) {
        console.log('Nothing to export: every platform asked for runs natively here');
        return;
    }
    if (result.dryRun) {
        for (const f of result.files) {
            if (f.kind === 'interpreter') {
                console.log(`# ${f.path}: a copy of ${f.source}, mode 0755 (sha256 ${f.sha256})\n`);
            }
            else {
                console.log(`# ${f.path}\n${f.text}`);
            }
        }
        for (const c of result.conflicts)
            console.error(`warning: ${c}: export would refuse to replace it`);
        console.log(`# --dry-run: nothing written. ${result.manifestPath} would record what export writes.`);
    }
    else {
        console.log(`exported ${result.entries.map(e => e.name).join(', ')} (QEMU ${result.version}) to ${result.dir}, ` +
            `interpreters in ${(0,external_node_path_namespaceObject.join)(result.installDir, result.version)}; ${result.manifestPath} records them`);
    }
    console.log(result.format === 'systemd'
        ? '\nsystemd-binfmt loads them at every boot. To load them now, as root:'
        : '\nbinfmt-support loads them at every boot once imported. To import and load them now, as root:');
    for (const command of result.activate)
        console.log(`  ${command}`);
    if (result.activate[0] === 'systemctl restart systemd-binfmt') {
        console.log('(the restart first removes every binfmt_misc entry, then loads every binfmt.d file; ' +
            'the second command loads only these, replacing entries of the same names)');
    }
}
function parseInterval(raw) {
    if (raw === undefined)
        return DEFAULT_INTERVAL_MS;
    const ms = Number(raw);
    if (!Number.isInteger(ms) || ms < 50 || ms > 3_600_000) {
        throw new Error(`--interval '${raw}' is not a whole number of milliseconds from 50 to 3600000: use e.g. --interval 500`);
    }
    return ms;
}
async function main(argv) {
    const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
        args: argv,
        allowPositionals: true,
        options: {
            platforms: { type: 'string' },
            flags: { type: 'string' },
            source: { type: 'string' },
            'qemu-path': { type: 'string' },
            'qemu-version': { type: 'string' },
            manifest: { type: 'string' },
            verify: { type: 'string' },
            'smoke-image': { type: 'string' },
            registrar: { type: 'string' },
            reset: { type: 'boolean' },
            format: { type: 'string' },
            dir: { type: 'string' },
            'install-dir': { type: 'string' },
            'dry-run': { type: 'boolean' },
            exported: { type: 'boolean' },
            'forget-owners': { type: 'boolean' },
            state: { type: 'string' },
            interval: { type: 'string' },
            'status-file': { type: 'string' },
            'binfmt-root': { type: 'string' },
            json: { type: 'boolean' },
            verbose: { type: 'boolean' },
            help: { type: 'boolean' }
        }
    });
    const command = positionals[0];
    if (values.help || !command) {
        process.stdout.write(USAGE);
        return command || values.help ? 0 : 2;
    }
    if (values['forget-owners'] && (command !== 'uninstall' || values.exported)) {
        throw new Error(`--forget-owners is an option of uninstall without --exported (it forgets the owners of the entries install registered), not of ${command === 'uninstall' ? 'uninstall --exported' : command}`);
    }
    const log = consoleLog(values.verbose ?? false);
    const store = fileStore(values.state ?? defaultStatePath());
    switch (command) {
        case 'install': {
            const options = parseOptions({ ...values, reset: values.reset ? 'true' : 'false' });
            let result;
            try {
                result = await setup(options, { log, store });
            }
            catch (e) {
                // Undone already; with --json the checks that failed are still printed.
                if (values.json && e instanceof SetupFailure) {
                    console.log(JSON.stringify(jsonResult(e.result), null, 2));
                }
                throw e;
            }
            if (values.json) {
                console.log(JSON.stringify(jsonResult(result), null, 2));
                return 0;
            }
            console.log(`platforms=${result.platforms.join(',')}`);
            console.log(`emulated-platforms=${result.emulatedPlatforms.join(',')}`);
            console.log(`emulators=${result.emulators.join(',')}`);
            console.log(`qemu-version=${result.acquired?.version ?? ''}`);
            console.log(`qemu-files=${result.acquired?.files.map(f => f.file).join(',') ?? ''}`);
            console.log(`cache-hit=${result.acquired?.cacheHit ?? true}`);
            return 0;
        }
        case 'export': {
            const format = parseExportFormat(values.format);
            const options = parseOptions({ ...values, reset: 'false', verify: 'none' });
            const result = await exportPlatforms(options, {
                format,
                dir: values.dir,
                installDir: values['install-dir'],
                dryRun: values['dry-run'] ?? false
            }, { log });
            printExport(result);
            return 0;
        }
        case 'status':
            await cli_status(values.json ?? false, values.state ?? defaultStatePath(), values.registrar);
            return 0;
        case 'uninstall': {
            if (values.exported) {
                const removed = await removeExported({ installDir: values['install-dir'], log });
                if (removed.deactivate.length > 0) {
                    console.log('The files are gone; the entries stay in binfmt_misc (and binfmt-support) until reboot. To remove them now:');
                    for (const command of removed.deactivate)
                        console.log(`  ${command}`);
                }
                return removed.kept.length === 0 ? 0 : 1;
            }
            // --forget-owners goes by the entries the state names: without one, none are ours.
            const nothing = () => log.info(`Nothing to uninstall: setup-binfmt install has not changed this table${values['forget-owners'] ? ' (no owners forgotten)' : ''}`);
            const saved = store.load();
            if (!saved) {
                nothing();
                return 0;
            }
            const writer = await reopenRegistrar(saved.registrar, saved.root, log);
            try {
                const report = await restoreSaved(store, log, {
                    writer,
                    forgetOwners: values['forget-owners']
                });
                if (!report) {
                    nothing();
                    return 0;
                }
                return report.differences.length === 0 ? 0 : 1;
            }
            finally {
                await writer.close?.();
            }
        }
        case 'daemon': {
            const options = parseOptions({ ...values, reset: values.reset ? 'true' : 'false' });
            const intervalMs = parseInterval(values.interval);
            const stop = new Promise(resolve => {
                process.once('SIGTERM', resolve);
                process.once('SIGINT', resolve);
            });
            return runDaemon(options, {
                log,
                root: values['binfmt-root'],
                intervalMs,
                statusFile: values['status-file'],
                stop
            });
        }
        case 'health': {
            const file = values['status-file'];
            if (!file)
                throw new Error('health needs --status-file FILE: the file the daemon writes');
            const answer = await health(file);
            console.log(answer.message);
            return answer.code;
        }
        default:
            console.error(`Unknown command '${command}'.\n${USAGE}`);
            return 2;
    }
}


/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

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
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
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
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
