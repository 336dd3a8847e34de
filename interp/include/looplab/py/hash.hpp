#pragma once
// hash() of the built-in values, bit-identical to CPython 3.11 on 64-bit Linux
// (Python/pyhash.c, Objects/longobject.c long_hash, Objects/tupleobject.c tuplehash) with
// PYTHONHASHSEED=0 (SPEC 4): numbers hash by value modulo 2**61 - 1 so that
// hash(1) == hash(1.0) == hash(True); str uses SipHash-1-3 with an all-zero key over
// CPython's PEP 393 storage (1, 2 or 4 bytes per character). -1 is never a hash (it means
// "error" in C), CPython turns it into -2, and so does every function here.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace looplab::py {

inline constexpr int kHashBits = 61;
inline constexpr uint64_t kHashModulus = (uint64_t(1) << kHashBits) - 1;  // sys.hash_info.modulus
inline constexpr int64_t kHashInf = 314159;                               // hash(float('inf'))

// hash(n): n modulo 2**61 - 1 with n's sign; hash(-1) == -2.
int64_t hash_int(int64_t n) noexcept;
inline int64_t hash_bool(bool b) noexcept { return b ? 1 : 0; }
// hash(x) of a float (_Py_HashDouble): equal to hash_int for integral values, +-314159 for
// infinities. A NaN hashes by identity since 3.10 (_Py_HashPointer of the float object):
// pass whatever stands for the object's address.
int64_t hash_float(double x, uintptr_t nan_identity) noexcept;
// _Py_HashPointer: the address rotated right by 4 bits (object.__hash__, id()-based hashes).
int64_t hash_pointer(uintptr_t address) noexcept;
// hash(None) in CPython 3.11 is object.__hash__ of the static None object, i.e.
// hash_pointer(&_Py_NoneStruct). /usr/bin/python3 (Debian's 3.11.2) is not position
// independent, so it is the same in every run: 612812 (id(None) == 0x959CC0). LoopLab uses
// that value; it only matters for the iteration order of sets holding None.
inline constexpr int64_t kHashNone = 612812;

// hash(s) of a str given as UTF-8, with PYTHONHASHSEED=0. hash("") == 0.
int64_t hash_str(std::string_view utf8);
// _Py_HashBytes with the PYTHONHASHSEED=0 key: hash(b) of a bytes object, and the core of
// hash_str (over the PEP 393 buffer).
int64_t hash_bytes(const void* data, size_t size) noexcept;
// hash(t) of a tuple from its items' hashes (tuplehash, the xxHash-based one of 3.8+).
int64_t hash_tuple(std::span<const int64_t> item_hashes) noexcept;

}  // namespace looplab::py
