// The `random` module (CPython Lib/random.py over Modules/_randommodule.c), bit-identical
// for the same seed (SPEC 4): the generator and _randbelow are random.hpp's; this file is
// random.py's methods on top, with its argument handling and messages. As in CPython the
// module functions are bound methods of one hidden Random instance, `random._inst`.
#include <cmath>
#include <cstring>

#include "looplab/py/random.hpp"
#include "looplab/py/sequence.hpp"
#include "looplab/py/vm.hpp"
#include "native_args.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py {

namespace stdlib {
namespace {

using argbind::bind_args;
using argbind::Sig;

struct RandomObject : OpaqueObject {
    explicit RandomObject(Type* t) : OpaqueObject(t) {}
    Random rng;
    Value gauss_next;  // random.py's gauss_next (undefined: None)
};

Type* random_type();

RandomObject& self_random(const CallArgs& a, const char* method) {
    return *static_cast<RandomObject*>(self_of(a, random_type(), method));
}

// ---- SHA-512 (FIPS 180-4), for seed(str) ---------------------------------------------------
// random.seed(a: str, version=2) seeds from int.from_bytes(a + sha512(a).digest()).
void sha512(const std::string& msg, unsigned char out[64]) {
    static const uint64_t K[80] = {
        0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL,
        0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL, 0x12835b0145706fbeULL,
        0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL, 0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
        0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
        0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL, 0x983e5152ee66dfabULL,
        0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
        0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL,
        0x53380d139d95b3dfULL, 0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
        0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
        0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL, 0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL,
        0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL,
        0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
        0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL, 0xca273eceea26619cULL,
        0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL,
        0x113f9804bef90daeULL, 0x1b710b35131c471bULL, 0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
        0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};
    uint64_t h[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
                     0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    std::string m = msg;
    const uint64_t bits = uint64_t(msg.size()) * 8;
    m.push_back(char(0x80));
    while (m.size() % 128 != 112) m.push_back(0);
    for (int i = 0; i < 8; ++i) m.push_back(0);  // high 64 bits of the 128-bit length
    for (int i = 7; i >= 0; --i) m.push_back(char((bits >> (8 * i)) & 0xff));
    auto rotr = [](uint64_t x, int n) { return (x >> n) | (x << (64 - n)); };
    for (size_t off = 0; off < m.size(); off += 128) {
        uint64_t w[80];
        for (int t = 0; t < 16; ++t) {
            w[t] = 0;
            for (int b = 0; b < 8; ++b) w[t] = (w[t] << 8) | (unsigned char)m[off + size_t(t * 8 + b)];
        }
        for (int t = 16; t < 80; ++t) {
            uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
            uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int t = 0; t < 80; ++t) {
            uint64_t t1 = hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
            uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    for (int i = 0; i < 8; ++i)
        for (int b = 0; b < 8; ++b) out[i * 8 + b] = (unsigned char)(h[i] >> (56 - 8 * b));
}

// Random.seed(a=None, version=2) (random.py) and random_seed (_randommodule.c).
void do_seed(Interp& in, RandomObject& r, const Value& a, const Value& version) {
    r.gauss_next = Value();
    int64_t ver = version.is_undefined() ? 2 : (version.is_intlike() ? version.as_int() : 2);
    if (a.is_undefined() || a.is_none()) {
        // CPython seeds from os.urandom; a LoopLab run is deterministic (SPEC 4): seed 0.
        r.rng.seed(0);
    } else if (a.is_intlike()) {
        r.rng.seed(a.as_int());
    } else if (a.is_float()) {
        r.rng.seed_float(a.as_float());
    } else if ((is_str(a) || a.type()->kind == Kind::bytes) && ver == 2) {
        std::string bytes = is_str(a) ? a.as<Str>()->s : a.as<Bytes>()->b;
        unsigned char digest[64];
        sha512(bytes, digest);
        bytes.append(reinterpret_cast<const char*>(digest), 64);
        // int.from_bytes(big endian) split into 32-bit words, least significant first,
        // without the leading zero words (random_seed's keyused).
        std::vector<uint32_t> words;
        for (size_t end = bytes.size(); end > 0; end = end >= 4 ? end - 4 : 0) {
            uint32_t w = 0;
            size_t start = end >= 4 ? end - 4 : 0;
            for (size_t i = start; i < end; ++i) w = (w << 8) | (unsigned char)bytes[i];
            words.push_back(w);
            if (start == 0) break;
        }
        while (words.size() > 1 && words.back() == 0) words.pop_back();
        r.rng.seed_words(words);
    } else if (is_str(a) || a.type()->kind == Kind::bytes) {
        r.rng.seed(hash(in, a));
    } else {
        raise_type_error("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }
}

// random.py's int arguments of randrange: _index(), else int() with 3.11's deprecation.
// The DeprecationWarning (stacklevel 2) belongs to randrange's caller; Python's default
// filters show it only when that is __main__, once per line — so randint's own calls
// (made from random.py) never show it.
void deprecation(Interp& in, bool warn, const char* message) {
    if (!warn) return;
    Frame* f = in.vm().current_frame();
    if (!f) return;
    Value name = f->globals->get_str("__name__");
    if (!is_str(name) || name.as<Str>()->s != "__main__") return;
    Value reg = in.import_module("random").as<Module>()->dict->get_str("__warningregistry__");
    if (kind_of(reg) != Kind::dict) {
        reg = Value(new Dict());
        in.import_module("random").as<Module>()->dict->set_str("__warningregistry__", reg);
    }
    std::string key = f->code->filename + ":" + std::to_string(f->line()) + ":" + message;
    if (!as_dict(reg)->get_str(key).is_undefined()) return;
    as_dict(reg)->set_str(key, Value::boolean(true));
    in.warn(exc_types().DeprecationWarning, message);
}
int64_t rr_index(Interp& in, const Value& v, const char* which, bool warn) {
    if (v.is_intlike()) return v.as_int();
    if (v.is_object() && !lookup_special(v, "__index__").is_undefined()) return argbind::index_arg(in, v);
    Value iv = call(in, Value(types().integer), std::vector<Value>{v});
    if (!eq(in, iv, v)) {
        deprecation(in, warn, "randrange() will raise TypeError in the future");
        raise_value_error(std::string("non-integer ") + which + " for randrange()");
    }
    deprecation(in, warn,
                "non-integer arguments to randrange() have been deprecated since Python 3.10 and will be "
                "removed in a subsequent version");
    return iv.as_int();
}

// ---- methods ------------------------------------------------------------------------------
Value m_seed(Interp& in, const CallArgs& a) {
    RandomObject& r = self_random(a, "seed");
    CallArgs rest = a;
    rest.args = a.args + 1;
    rest.nargs = a.nargs - 1;
    Value v[2];
    bind_args(rest, 0, "seed", "seed", Sig::clinic, 0, 2, v, {"a", "version"});
    do_seed(in, r, v[0], v[1]);
    return Value::none();
}
Value m_random(Interp&, const CallArgs& a) {
    RandomObject& r = self_random(a, "random");
    bind_args(a, 1, "random", "Random.random", Sig::noargs, 0, 0, nullptr);
    return Value::floating(r.rng.random());
}
Value m_getrandbits(Interp& in, const CallArgs& a) {
    RandomObject& r = self_random(a, "getrandbits");
    Value v[1];
    bind_args(a, 1, "getrandbits", "getrandbits", Sig::checkpos, 1, 1, v);
    return Value::integer(r.rng.getrandbits(argbind::index_arg(in, v[0])));
}
Value m_randrange(Interp& in, const CallArgs& a) {
    RandomObject& r = self_random(a, "randrange");
    Value v[3];
    bind_args(a, 1, "randrange", "randrange", Sig::clinic, 1, 3, v, {"start", "stop", "step"});
    int64_t start = rr_index(in, v[0], "arg 1", true);
    if (v[1].is_undefined() || v[1].is_none()) {
        if (!v[2].is_undefined() && !(v[2].is_intlike() && v[2].as_int() == 1))
            raise_type_error("Missing a non-None stop argument");
        if (start > 0) return Value::integer(r.rng.randrange(start));
        raise_value_error("empty range for randrange()");
    }
    int64_t stop = rr_index(in, v[1], "stop", true);
    int64_t step = v[2].is_undefined() ? 1 : rr_index(in, v[2], "step", true);
    return Value::integer(r.rng.randrange(start, stop, step));
}
Value m_randint(Interp& in, const CallArgs& a) {
    RandomObject& r = self_random(a, "randint");
    Value v[2];
    bind_args(a, 1, "randint", "randint", Sig::clinic, 2, 2, v, {"a", "b"});
    int64_t lo = rr_index(in, v[0], "arg 1", false);
    if (!v[1].is_intlike()) {  // randrange(a, b + 1), the + in Python
        Value hi = binary_op(in, v[1], Value::integer(1), ast::Operator::Add);
        return Value::integer(r.rng.randrange(lo, rr_index(in, hi, "stop", false), 1));
    }
    return Value::integer(r.rng.randint(lo, rr_index(in, v[1], "stop", false)));
}
Value m_uniform(Interp& in, const CallArgs& a) {
    RandomObject& r = self_random(a, "uniform");
    Value v[2];
    bind_args(a, 1, "uniform", "uniform", Sig::clinic, 2, 2, v, {"a", "b"});
    // a + (b - a) * self.random(), with Python's arithmetic on a and b.
    Value diff = binary_op(in, v[1], v[0], ast::Operator::Sub);
    Value scaled = binary_op(in, diff, Value::floating(r.rng.random()), ast::Operator::Mult);
    return binary_op(in, v[0], scaled, ast::Operator::Add);
}
Value m_choice(Interp& in, const CallArgs& a) {
    RandomObject& r = self_random(a, "choice");
    Value v[1];
    bind_args(a, 1, "choice", "choice", Sig::clinic, 1, 1, v, {"seq"});
    int64_t n = len(in, v[0]);
    if (n == 0) raise(exc_types().IndexError, "Cannot choose from an empty sequence");
    return getitem(in, v[0], Value::integer(int64_t(r.rng.randbelow(uint64_t(n)))));
}
Value m_shuffle(Interp& in, const CallArgs& a) {
    RandomObject& r = self_random(a, "shuffle");
    Value v[1];
    bind_args(a, 1, "shuffle", "shuffle", Sig::clinic, 1, 1, v, {"x"});
    const Value& x = v[0];
    for (auto [i, j] : r.rng.shuffle_swaps(size_t(len(in, x)))) {
        // x[i], x[j] = x[j], x[i]
        Value xj = getitem(in, x, Value::integer(int64_t(j)));
        Value xi = getitem(in, x, Value::integer(int64_t(i)));
        setitem(in, x, Value::integer(int64_t(i)), xj);
        setitem(in, x, Value::integer(int64_t(j)), xi);
    }
    return Value::none();
}
bool is_sequence(const Value& v) {
    if (!v.is_object()) return false;
    switch (v.type()->kind) {
        case Kind::list:
        case Kind::tuple:
        case Kind::str:
        case Kind::range:
        case Kind::bytes: return true;
        default: return false;
    }
}
Value m_sample(Interp& in, const CallArgs& a) {
    RandomObject& r = self_random(a, "sample");
    Value v[3];
    bind_args(a, 1, "sample", "sample", Sig::clinic, 2, 3, v, {"population", "k", "counts"});
    if (!is_sequence(v[0]))
        raise_type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
    if (!v[2].is_undefined() && !v[2].is_none())
        raise(exc_types().NotImplementedError, "LoopLab's random.sample() does not support counts= yet");
    int64_t n = len(in, v[0]);
    int64_t k = argbind::index_arg(in, v[1]);
    std::vector<Value> out;
    for (size_t i : r.rng.sample(size_t(n), k)) out.push_back(getitem(in, v[0], Value::integer(int64_t(i))));
    return make_list(std::move(out));
}
Value m_choices(Interp& in, const CallArgs& a) {
    RandomObject& r = self_random(a, "choices");
    Value v[4];
    bind_args(a, 1, "choices", "choices", Sig::clinic, 1, 2, v, {"population", "weights", "cum_weights", "k"});
    const Value& population = v[0];
    int64_t k = v[3].is_undefined() ? 1 : argbind::index_arg(in, v[3]);
    int64_t n = len(in, population);
    std::vector<Value> out;
    Value cum = v[2];
    if (cum.is_undefined() || cum.is_none()) {
        if (v[1].is_undefined() || v[1].is_none()) {
            double nf = double(n);
            for (int64_t i = 0; i < k; ++i)
                out.push_back(getitem(in, population, Value::integer(int64_t(std::floor(r.rng.random() * nf)))));
            return make_list(std::move(out));
        }
        if (v[1].is_intlike() && !v[1].is_bool() && lookup_special(v[1], "__iter__").is_undefined())
            raise_type_error("The number of choices must be a keyword argument: k=" + std::to_string(v[1].as_int()));
        // list(accumulate(weights))
        std::vector<Value> acc;
        Value it = iter(in, v[1]);
        for (Value w = next(in, it); !w.is_undefined(); w = next(in, it))
            acc.push_back(acc.empty() ? w : binary_op(in, acc.back(), w, ast::Operator::Add));
        cum = make_list(std::move(acc));
    } else if (!v[1].is_undefined() && !v[1].is_none()) {
        raise_type_error("Cannot specify both weights and cumulative weights");
    }
    std::vector<Value> cw = to_vector(in, cum);
    if (int64_t(cw.size()) != n) raise_value_error("The number of weights does not match the population");
    double total = float_arg(in, binary_op(in, cw.back(), Value::floating(0.0), ast::Operator::Add));
    if (total <= 0.0) raise_value_error("Total of weights must be greater than zero");
    if (!std::isfinite(total)) raise_value_error("Total of weights must be finite");
    const int64_t hi = n - 1;
    for (int64_t i = 0; i < k; ++i) {
        // bisect_right(cum_weights, random() * total, 0, hi)
        Value x = Value::floating(r.rng.random() * total);
        int64_t lo = 0, h = hi;
        while (lo < h) {
            int64_t mid = (lo + h) / 2;
            if (less(in, x, cw[size_t(mid)])) h = mid;
            else lo = mid + 1;
        }
        out.push_back(getitem(in, population, Value::integer(lo)));
    }
    return make_list(std::move(out));
}
Value m_gauss(Interp& in, const CallArgs& a) {
    RandomObject& r = self_random(a, "gauss");
    Value v[2];
    bind_args(a, 1, "gauss", "gauss", Sig::clinic, 0, 2, v, {"mu", "sigma"});
    double mu = v[0].is_undefined() ? 0.0 : float_arg(in, v[0]);
    double sigma = v[1].is_undefined() ? 1.0 : float_arg(in, v[1]);
    double z;
    if (r.gauss_next.is_float()) {
        z = r.gauss_next.as_float();
        r.gauss_next = Value();
    } else {
        double x2pi = r.rng.random() * 2.0 * M_PI;
        double g2rad = std::sqrt(-2.0 * std::log(1.0 - r.rng.random()));
        z = std::cos(x2pi) * g2rad;
        r.gauss_next = Value::floating(std::sin(x2pi) * g2rad);
    }
    return Value::floating(mu + z * sigma);
}
Value m_normalvariate(Interp& in, const CallArgs& a) {
    RandomObject& r = self_random(a, "normalvariate");
    Value v[2];
    bind_args(a, 1, "normalvariate", "normalvariate", Sig::clinic, 0, 2, v, {"mu", "sigma"});
    double mu = v[0].is_undefined() ? 0.0 : float_arg(in, v[0]);
    double sigma = v[1].is_undefined() ? 1.0 : float_arg(in, v[1]);
    const double magic = 4 * std::exp(-0.5) / std::sqrt(2.0);  // NV_MAGICCONST
    double z;
    for (;;) {
        double u1 = r.rng.random();
        double u2 = 1.0 - r.rng.random();
        z = magic * (u1 - 0.5) / u2;
        if (z * z / 4.0 <= -std::log(u2)) break;
    }
    return Value::floating(mu + z * sigma);
}
Value m_expovariate(Interp& in, const CallArgs& a) {
    RandomObject& r = self_random(a, "expovariate");
    Value v[1];
    bind_args(a, 1, "expovariate", "expovariate", Sig::clinic, 1, 1, v, {"lambd"});
    double lambd = float_arg(in, v[0]);
    if (lambd == 0.0) raise(exc_types().ZeroDivisionError, "float division by zero");
    return Value::floating(-std::log(1.0 - r.rng.random()) / lambd);
}
Value m_triangular(Interp& in, const CallArgs& a) {
    RandomObject& r = self_random(a, "triangular");
    Value v[3];
    bind_args(a, 1, "triangular", "triangular", Sig::clinic, 0, 3, v, {"low", "high", "mode"});
    double low = v[0].is_undefined() ? 0.0 : float_arg(in, v[0]);
    double high = v[1].is_undefined() ? 1.0 : float_arg(in, v[1]);
    double u = r.rng.random();
    if (high == low) return Value::floating(low);
    double c = (v[2].is_undefined() || v[2].is_none()) ? 0.5 : (float_arg(in, v[2]) - low) / (high - low);
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        std::swap(low, high);
    }
    return Value::floating(low + (high - low) * std::sqrt(u * c));
}

// Random(x=None)
Value random_new(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "Random", "Random", Sig::parsetuple, 0, 1, v);
    auto* r = new RandomObject(random_type());
    Value self(r);
    do_seed(in, *r, v[0], Value());
    return self;
}

const struct {
    const char* name;
    NativeFn fn;
} kMethods[] = {
    {"seed", m_seed},         {"random", m_random},       {"getrandbits", m_getrandbits},
    {"randrange", m_randrange}, {"randint", m_randint},   {"uniform", m_uniform},
    {"choice", m_choice},     {"shuffle", m_shuffle},     {"sample", m_sample},
    {"choices", m_choices},   {"gauss", m_gauss},         {"normalvariate", m_normalvariate},
    {"expovariate", m_expovariate}, {"triangular", m_triangular},
};

Type* random_type() {
    static Type* t = [] {
        Type* r = make_type("Random", "random", Kind::opaque);
        r->construct = random_new;
        for (const auto& m : kMethods) r->add_method(m.name, m.fn);
        return r;
    }();
    return t;
}

}  // namespace

void init_random(Interp& in, Module& m) {
    (void)in;
    auto* inst = new RandomObject(random_type());
    Value iv(inst);
    m.dict->set_str("Random", Value(random_type()));
    m.dict->set_str("_inst", iv);
    for (const auto& meth : kMethods) m.dict->set_str(meth.name, make_native(meth.name, meth.fn, iv));
}

}  // namespace stdlib

// The run's random.seed(n) (SPEC 4), before the scenario runs.
void seed_random(Interp& in, int64_t seed) {
    Value m = in.import_module("random");
    Value inst = m.as<Module>()->dict->get_str("_inst");
    auto* r = static_cast<stdlib::RandomObject*>(inst.obj());
    r->rng.seed(seed);
    r->gauss_next = Value();
}

}  // namespace looplab::py
