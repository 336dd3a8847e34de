#pragma once
// Python's random module, bit-identical to CPython 3.11 (SPEC 4): the Mersenne Twister of
// Modules/_randommodule.c (init_genrand, init_by_array, genrand_uint32, random_random,
// getrandbits, random_seed) and the methods of Lib/random.py built on it (_randbelow with
// getrandbits, randrange, randint, uniform, choice, shuffle, sample), same errors and
// messages. Sequences are handled by length and index: choice() returns the index to pick,
// shuffle() applies random.py's swaps to any random-access container, sample() returns the
// chosen indices in selection order.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "looplab/py/numeric_errors.hpp"

namespace looplab::py {

class Random {
public:
    static constexpr int N = 624;  // MT19937 state words

    // The state after random.seed(seed) (LoopLab seeds 0 before every run).
    explicit Random(int64_t seed = 0) { this->seed(seed); }

    // random.seed(a) for an int a: init_by_array over |a| split into 32-bit words, least
    // significant first (a single 0 word for 0).
    void seed(int64_t a);
    // random.seed(x) for a float x: CPython seeds from hash(x) taken as an unsigned size_t.
    void seed_float(double x);
    // init_by_array(key): seeding from an arbitrary big int given as 32-bit words.
    void seed_words(std::span<const uint32_t> key);

    // random.getstate()[1]: the 624 state words and the index (the 625th item).
    struct State {
        std::array<uint32_t, N> mt;
        int index;
    };
    State getstate() const { return {mt_, index_}; }
    void setstate(const State& s) { mt_ = s.mt; index_ = s.index; }

    // One 32-bit output of the generator (genrand_uint32).
    uint32_t genrand_uint32();
    // random.random(): 53 random bits in [0.0, 1.0).
    double random();
    // random.getrandbits(k): ValueError "number of bits must be non-negative"; consumes
    // ceil(k/32) outputs. OverflowError when the k-bit value does not fit in 64-bit ints.
    int64_t getrandbits(int64_t k);
    // getrandbits for 0 <= k <= 64 as an unsigned value.
    uint64_t getrandbits_u64(int k);
    // random._randbelow(n) for n > 0 (the getrandbits rejection loop of random.py).
    uint64_t randbelow(uint64_t n);

    // random.randrange(stop) and randrange(start, stop[, step]).
    int64_t randrange(int64_t stop);
    int64_t randrange(int64_t start, int64_t stop, int64_t step = 1);
    // random.randint(a, b) == randrange(a, b + 1) (b + 1 may exceed 64 bits: fine).
    int64_t randint(int64_t a, int64_t b);
    // random.uniform(a, b) == a + (b - a) * random().
    double uniform(double a, double b);
    // random.choice(seq) for len(seq) == n: the index to take. IndexError "Cannot choose from
    // an empty sequence" when n == 0.
    size_t choice(size_t n);
    // random.shuffle(x) on any random-access container with size() and swappable elements.
    template <class Seq>
    void shuffle(Seq& x) {
        for (const auto& [i, j] : shuffle_swaps(x.size())) {
            using std::swap;
            swap(x[i], x[j]);
        }
    }
    // The swaps random.shuffle makes on a sequence of length n, in order: (i, j) means
    // x[i], x[j] = x[j], x[i]; i runs from n-1 down to 1.
    std::vector<std::pair<size_t, size_t>> shuffle_swaps(size_t n);
    // random.sample(population, k) for len(population) == n: the chosen indices, in
    // selection order (result[i] = population[indices[i]]). ValueError "Sample larger than
    // population or is negative" unless 0 <= k <= n.
    std::vector<size_t> sample(size_t n, int64_t k);

private:
    // randrange with Python's unbounded ints for the intermediate width.
    int64_t randrange_impl(__int128 start, __int128 stop, __int128 step);
    // _randbelow for n up to 2**64 (randint(-2**63, 2**63 - 1) needs 65 bits).
    unsigned __int128 randbelow128(unsigned __int128 n);
    void init_genrand(uint32_t s);

    std::array<uint32_t, N> mt_{};
    int index_ = N + 1;
};

}  // namespace looplab::py
