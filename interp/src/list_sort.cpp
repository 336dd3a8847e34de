// list.sort's algorithm, ported from CPython 3.11 Objects/listobject.c (listsort and its
// helpers; see Objects/listsort.txt): runs found by count_run, short runs extended by
// binarysort to minrun, merged by the powersort policy (found_new_run / powerloop) with
// galloping merges (merge_lo / merge_hi, min_gallop adaptation). Being the same algorithm,
// it makes the same __lt__ calls in the same order as CPython, so a key or comparison with
// side effects, an inconsistent order (NaN) or one that raises behaves identically.
//
// It sorts a permutation of indices into `keys`; an exception from a comparison leaves the
// permutation complete (CPython's Fail paths copy the merge buffer back the same way).
#include <algorithm>
#include <vector>

#include "looplab/py/abstract.hpp"
#include "looplab/py/sequence.hpp"

namespace looplab::py {

namespace {

constexpr ptrdiff_t kMinGallop = 7;  // MIN_GALLOP

struct MergeState {
    MergeState(Interp& i, const std::vector<Value>& k, size_t* b, ptrdiff_t n)
        : in(i), keys(k), base(b), listlen(n) {}
    Interp& in;
    const std::vector<Value>& keys;
    size_t* base;      // the permutation being sorted (ms->basekeys)
    ptrdiff_t listlen;
    ptrdiff_t min_gallop = kMinGallop;
    std::vector<size_t> tmp;  // ms->a
    struct Run {
        size_t* base;
        ptrdiff_t len;
        int power;
    };
    std::vector<Run> pending;

    bool lt(size_t x, size_t y) { return less(in, keys[x], keys[y]); }
};

// gallop_left: the leftmost place key could go in the sorted a[0:n], searching from hint.
ptrdiff_t gallop_left(MergeState& ms, size_t key, const size_t* a, ptrdiff_t n, ptrdiff_t hint) {
    ptrdiff_t ofs = 1, lastofs = 0;
    a += hint;
    if (ms.lt(*a, key)) {
        const ptrdiff_t maxofs = n - hint;
        while (ofs < maxofs) {
            if (ms.lt(a[ofs], key)) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if (ofs > maxofs) ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        const ptrdiff_t maxofs = hint + 1;
        while (ofs < maxofs) {
            if (ms.lt(*(a - ofs), key)) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        const ptrdiff_t k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        const ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
        if (ms.lt(a[m], key)) lastofs = m + 1;
        else ofs = m;
    }
    return ofs;
}

// gallop_right: the rightmost place key could go (after equal items).
ptrdiff_t gallop_right(MergeState& ms, size_t key, const size_t* a, ptrdiff_t n, ptrdiff_t hint) {
    ptrdiff_t ofs = 1, lastofs = 0;
    a += hint;
    if (ms.lt(key, *a)) {
        const ptrdiff_t maxofs = hint + 1;
        while (ofs < maxofs) {
            if (ms.lt(key, *(a - ofs))) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if (ofs > maxofs) ofs = maxofs;
        const ptrdiff_t k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        const ptrdiff_t maxofs = n - hint;
        while (ofs < maxofs) {
            if (ms.lt(key, a[ofs])) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        const ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
        if (ms.lt(key, a[m])) ofs = m;
        else lastofs = m + 1;
    }
    return ofs;
}

// merge_lo: merge a[0:na] and b[0:nb] (adjacent, na <= nb) with a copied aside.
void merge_lo(MergeState& ms, size_t* ssa, ptrdiff_t na, size_t* ssb, ptrdiff_t nb) {
    ms.tmp.assign(ssa, ssa + na);
    size_t* dest = ssa;
    size_t* a = ms.tmp.data();
    try {
        *dest++ = *ssb++;
        --nb;
        if (nb == 0) goto Succeed;
        if (na == 1) goto CopyB;
        {
            ptrdiff_t min_gallop = ms.min_gallop;
            for (;;) {
                ptrdiff_t acount = 0, bcount = 0;
                for (;;) {
                    if (ms.lt(*ssb, *a)) {
                        *dest++ = *ssb++;
                        ++bcount;
                        acount = 0;
                        --nb;
                        if (nb == 0) goto Succeed;
                        if (bcount >= min_gallop) break;
                    } else {
                        *dest++ = *a++;
                        ++acount;
                        bcount = 0;
                        --na;
                        if (na == 1) goto CopyB;
                        if (acount >= min_gallop) break;
                    }
                }
                ++min_gallop;
                do {
                    min_gallop -= min_gallop > 1;
                    ms.min_gallop = min_gallop;
                    ptrdiff_t k = gallop_right(ms, *ssb, a, na, 0);
                    acount = k;
                    if (k) {
                        std::copy(a, a + k, dest);
                        dest += k;
                        a += k;
                        na -= k;
                        if (na == 1) goto CopyB;
                        if (na == 0) goto Succeed;  // only with an inconsistent order
                    }
                    *dest++ = *ssb++;
                    --nb;
                    if (nb == 0) goto Succeed;
                    k = gallop_left(ms, *a, ssb, nb, 0);
                    bcount = k;
                    if (k) {
                        std::copy(ssb, ssb + k, dest);  // memmove: dest < ssb
                        dest += k;
                        ssb += k;
                        nb -= k;
                        if (nb == 0) goto Succeed;
                    }
                    *dest++ = *a++;
                    --na;
                    if (na == 1) goto CopyB;
                } while (acount >= kMinGallop || bcount >= kMinGallop);
                ++min_gallop;
                ms.min_gallop = min_gallop;
            }
        }
    } catch (...) {
        if (na) std::copy(a, a + na, dest);  // Fail: the rest of a goes back
        throw;
    }
Succeed:
    if (na) std::copy(a, a + na, dest);
    return;
CopyB:
    // The last item of a belongs after what is left of b.
    std::copy(ssb, ssb + nb, dest);
    dest[nb] = *a;
}

// merge_hi: the same from the right end, with b (the shorter run) copied aside.
void merge_hi(MergeState& ms, size_t* ssa, ptrdiff_t na, size_t* ssb, ptrdiff_t nb) {
    ms.tmp.assign(ssb, ssb + nb);
    size_t* dest = ssb + nb - 1;
    size_t* basea = ssa;
    size_t* baseb = ms.tmp.data();
    size_t* b = baseb + nb - 1;
    size_t* a = ssa + na - 1;
    try {
        *dest-- = *a--;
        --na;
        if (na == 0) goto Succeed;
        if (nb == 1) goto CopyA;
        {
            ptrdiff_t min_gallop = ms.min_gallop;
            for (;;) {
                ptrdiff_t acount = 0, bcount = 0;
                for (;;) {
                    if (ms.lt(*b, *a)) {
                        *dest-- = *a--;
                        ++acount;
                        bcount = 0;
                        --na;
                        if (na == 0) goto Succeed;
                        if (acount >= min_gallop) break;
                    } else {
                        *dest-- = *b--;
                        ++bcount;
                        acount = 0;
                        --nb;
                        if (nb == 1) goto CopyA;
                        if (bcount >= min_gallop) break;
                    }
                }
                ++min_gallop;
                do {
                    min_gallop -= min_gallop > 1;
                    ms.min_gallop = min_gallop;
                    ptrdiff_t k = gallop_right(ms, *b, basea, na, na - 1);
                    k = na - k;
                    acount = k;
                    if (k) {
                        dest -= k;
                        a -= k;
                        std::copy_backward(a + 1, a + 1 + k, dest + 1 + k);  // memmove
                        na -= k;
                        if (na == 0) goto Succeed;
                    }
                    *dest-- = *b--;
                    --nb;
                    if (nb == 1) goto CopyA;
                    k = gallop_left(ms, *a, baseb, nb, nb - 1);
                    k = nb - k;
                    bcount = k;
                    if (k) {
                        dest -= k;
                        b -= k;
                        std::copy(b + 1, b + 1 + k, dest + 1);
                        nb -= k;
                        if (nb == 1) goto CopyA;
                        if (nb == 0) goto Succeed;  // only with an inconsistent order
                    }
                    *dest-- = *a--;
                    --na;
                    if (na == 0) goto Succeed;
                } while (acount >= kMinGallop || bcount >= kMinGallop);
                ++min_gallop;
                ms.min_gallop = min_gallop;
            }
        }
    } catch (...) {
        if (nb) std::copy(baseb, baseb + nb, dest - (nb - 1));  // Fail: the rest of b goes back
        throw;
    }
Succeed:
    if (nb) std::copy(baseb, baseb + nb, dest - (nb - 1));
    return;
CopyA:
    // The first item of b belongs before what is left of a.
    dest -= na;
    a -= na;
    std::copy_backward(a + 1, a + 1 + na, dest + 1 + na);
    *dest = *b;
}

// merge_at: merge pending runs i and i+1, trimming what is already in place first.
void merge_at(MergeState& ms, size_t i) {
    size_t* ssa = ms.pending[i].base;
    ptrdiff_t na = ms.pending[i].len;
    size_t* ssb = ms.pending[i + 1].base;
    ptrdiff_t nb = ms.pending[i + 1].len;
    ms.pending[i].len = na + nb;
    if (i + 3 == ms.pending.size()) ms.pending[i + 1] = ms.pending[i + 2];
    ms.pending.pop_back();
    const ptrdiff_t k = gallop_right(ms, *ssb, ssa, na, 0);
    ssa += k;
    na -= k;
    if (na == 0) return;
    nb = gallop_left(ms, ssa[na - 1], ssb, nb, nb - 1);
    if (nb <= 0) return;
    if (na <= nb) merge_lo(ms, ssa, na, ssb, nb);
    else merge_hi(ms, ssa, na, ssb, nb);
}

// powerloop: the depth of the boundary between two adjacent runs in the powersort tree.
int powerloop(ptrdiff_t s1, ptrdiff_t n1, ptrdiff_t n2, ptrdiff_t n) {
    int result = 0;
    ptrdiff_t a = 2 * s1 + n1;
    ptrdiff_t b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

// found_new_run: merge the pending runs of greater power before pushing one of length n2.
void found_new_run(MergeState& ms, ptrdiff_t n2) {
    if (ms.pending.empty()) return;
    const ptrdiff_t s1 = ms.pending.back().base - ms.base;
    const int power = powerloop(s1, ms.pending.back().len, n2, ms.listlen);
    while (ms.pending.size() > 1 && ms.pending[ms.pending.size() - 2].power > power)
        merge_at(ms, ms.pending.size() - 2);
    ms.pending.back().power = power;
}

// merge_compute_minrun: n itself below 64, else a value in [32, 64] making n/minrun a
// power of two or a little less.
ptrdiff_t compute_minrun(ptrdiff_t n) {
    ptrdiff_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

// count_run: the length of the run at lo: non-descending, or strictly descending.
ptrdiff_t count_run(MergeState& ms, size_t* lo, size_t* hi, bool& descending) {
    descending = false;
    ++lo;
    if (lo == hi) return 1;
    ptrdiff_t n = 2;
    if (ms.lt(*lo, *(lo - 1))) {
        descending = true;
        for (lo = lo + 1; lo < hi; ++lo, ++n)
            if (!ms.lt(*lo, *(lo - 1))) break;
    } else {
        for (lo = lo + 1; lo < hi; ++lo, ++n)
            if (ms.lt(*lo, *(lo - 1))) break;
    }
    return n;
}

// binarysort: [lo, start) is sorted; insert each of [start, hi) after its equals.
void binarysort(MergeState& ms, size_t* lo, size_t* hi, size_t* start) {
    if (lo == start) ++start;
    for (; start < hi; ++start) {
        size_t* l = lo;
        size_t* r = start;
        const size_t pivot = *r;
        do {
            size_t* p = l + ((r - l) >> 1);
            if (ms.lt(pivot, *p)) r = p;
            else l = p + 1;
        } while (l < r);
        for (size_t* p = start; p > l; --p) *p = *(p - 1);
        *l = pivot;
    }
}

}  // namespace

// listsort's main loop over `perm`, comparing keys[perm[i]].
void timsort(Interp& in, const std::vector<Value>& keys, std::vector<size_t>& perm) {
    const ptrdiff_t n = ptrdiff_t(perm.size());
    if (n < 2) return;
    MergeState ms(in, keys, perm.data(), n);
    size_t* lo = perm.data();
    ptrdiff_t nremaining = n;
    const ptrdiff_t minrun = compute_minrun(nremaining);
    do {
        bool descending;
        ptrdiff_t run = count_run(ms, lo, lo + nremaining, descending);
        if (descending) std::reverse(lo, lo + run);
        if (run < minrun) {
            const ptrdiff_t force = nremaining <= minrun ? nremaining : minrun;
            binarysort(ms, lo, lo + force, lo + run);
            run = force;
        }
        found_new_run(ms, run);
        ms.pending.push_back({lo, run, 0});
        lo += run;
        nremaining -= run;
    } while (nremaining);
    // merge_force_collapse
    while (ms.pending.size() > 1) {
        size_t i = ms.pending.size() - 2;
        if (i > 0 && ms.pending[i - 1].len < ms.pending[i + 1].len) --i;
        merge_at(ms, i);
    }
}

}  // namespace looplab::py
