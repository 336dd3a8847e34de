// hash() as CPython 3.11 with PYTHONHASHSEED=0; see hash.hpp.
#include "looplab/py/hash.hpp"

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "looplab/py/unicode_text.hpp"

namespace looplab::py {

int64_t hash_int(int64_t n) noexcept {
    // long_hash reduces |n| modulo 2**61 - 1 and gives the result n's sign.
    const uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    const int64_t x = static_cast<int64_t>(magnitude % kHashModulus);
    const int64_t h = n < 0 ? -x : x;
    return h == -1 ? -2 : h;
}

int64_t hash_pointer(uintptr_t address) noexcept {
    // _Py_HashPointerRaw: the low 3-4 bits of an address are likely 0, rotate them away.
    const uint64_t y = (static_cast<uint64_t>(address) >> 4) | (static_cast<uint64_t>(address) << 60);
    const int64_t h = static_cast<int64_t>(y);
    return h == -1 ? -2 : h;
}

int64_t hash_float(double v, uintptr_t nan_identity) noexcept {
    // _Py_HashDouble.
    if (!std::isfinite(v)) {
        if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
        return hash_pointer(nan_identity);
    }
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    // 28 bits at a time, reducing modulo 2**61 - 1 as we go.
    uint64_t x = 0;
    while (m != 0) {
        x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
        m *= 268435456.0;  // 2**28
        e -= 28;
        const uint64_t y = static_cast<uint64_t>(m);  // the integer part
        m -= static_cast<double>(y);
        x += y;
        if (x >= kHashModulus) x -= kHashModulus;
    }
    // Multiply by 2**e modulo 2**61 - 1: a rotation by e mod 61.
    e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
    x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
    x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
    if (x == static_cast<uint64_t>(-1)) x = static_cast<uint64_t>(-2);
    return static_cast<int64_t>(x);
}

namespace {

inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

// HALF_ROUND / SINGLE_ROUND of pyhash.c's siphash13.
inline void half_round(uint64_t& a, uint64_t& b, uint64_t& c, uint64_t& d, int s, int t) {
    a += b;
    c += d;
    b = rotl(b, s) ^ a;
    d = rotl(d, t) ^ c;
    a = rotl(a, 32);
}

inline void single_round(uint64_t& v0, uint64_t& v1, uint64_t& v2, uint64_t& v3) {
    half_round(v0, v1, v2, v3, 13, 16);
    half_round(v2, v1, v0, v3, 17, 21);
}

uint64_t siphash13(uint64_t k0, uint64_t k1, const unsigned char* in, size_t src_sz) {
    uint64_t b = static_cast<uint64_t>(src_sz) << 56;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    while (src_sz >= 8) {
        uint64_t mi = 0;
        for (int i = 7; i >= 0; --i) mi = (mi << 8) | in[i];  // little-endian load
        in += 8;
        src_sz -= 8;
        v3 ^= mi;
        single_round(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    for (size_t i = src_sz; i > 0; --i) t = (t << 8) | in[i - 1];
    b |= t;
    v3 ^= b;
    single_round(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    single_round(v0, v1, v2, v3);
    single_round(v0, v1, v2, v3);
    single_round(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

}  // namespace

int64_t hash_bytes(const void* data, size_t size) noexcept {
    // _Py_HashBytes: length 0 hashes to 0; Py_HASH_CUTOFF is 0, so no small-string DJBX33A.
    if (size == 0) return 0;
    // PYTHONHASHSEED=0 zeroes _Py_HashSecret (bootstrap_hash.c), so the key is (0, 0).
    const int64_t h = static_cast<int64_t>(siphash13(0, 0, static_cast<const unsigned char*>(data), size));
    return h == -1 ? -2 : h;
}

int64_t hash_str(std::string_view utf8) {
    // unicode_hash hashes PyUnicode_DATA: Latin-1 when every char < 256, else UCS-2 when
    // every char < 65536, else UCS-4, in the machine's (little-endian) byte order.
    bool ascii = true;
    for (char c : utf8) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (ascii) return hash_bytes(utf8.data(), utf8.size());
    const std::u32string cps = utf8_decode(utf8);
    char32_t max = 0;
    for (char32_t c : cps) max = c > max ? c : max;
    const size_t kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
    std::vector<unsigned char> buf;
    buf.reserve(cps.size() * kind);
    for (char32_t c : cps)
        for (size_t i = 0; i < kind; ++i) buf.push_back(static_cast<unsigned char>(c >> (8 * i)));
    return hash_bytes(buf.data(), buf.size());
}

int64_t hash_tuple(std::span<const int64_t> item_hashes) noexcept {
    // tuplehash (Objects/tupleobject.c), 64-bit xxHash primes.
    constexpr uint64_t kPrime1 = 11400714785074694791ULL;
    constexpr uint64_t kPrime2 = 14029467366897019727ULL;
    constexpr uint64_t kPrime5 = 2870177450012600261ULL;
    uint64_t acc = kPrime5;
    for (int64_t h : item_hashes) {
        const uint64_t lane = static_cast<uint64_t>(h);
        acc += lane * kPrime2;
        acc = (acc << 31) | (acc >> 33);  // rotate left by 31
        acc *= kPrime1;
    }
    // The length, mangled to keep the historical value of hash(()).
    acc += static_cast<uint64_t>(item_hashes.size()) ^ (kPrime5 ^ 3527539UL);
    if (acc == static_cast<uint64_t>(-1)) return 1546275796;
    return static_cast<int64_t>(acc);
}

}  // namespace looplab::py
