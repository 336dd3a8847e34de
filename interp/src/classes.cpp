// The class statement (CPython Python/bltinmodule.c __build_class__, typeobject.c
// type_new and mro_internal's C3 linearisation).
#include <algorithm>

#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/vm.hpp"
#include "vm_ops.hpp"

namespace looplab::py {

namespace {

// C3 linearisation; raises TypeError as CPython when no consistent order exists.
std::vector<Type*> c3(Type* cls, const std::vector<Type*>& bases) {
    std::vector<std::vector<Type*>> seqs;
    for (Type* b : bases) seqs.push_back(b->mro);
    seqs.push_back(bases);
    std::vector<Type*> out{cls};
    for (;;) {
        seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](auto& s) { return s.empty(); }), seqs.end());
        if (seqs.empty()) return out;
        Type* cand = nullptr;
        for (auto& s : seqs) {
            Type* head = s.front();
            bool in_tail = false;
            for (auto& o : seqs)
                if (std::find(o.begin() + 1, o.end(), head) != o.end()) in_tail = true;
            if (!in_tail) {
                cand = head;
                break;
            }
        }
        if (!cand) {
            std::string names;
            for (size_t i = 0; i < bases.size(); ++i) names += (i ? ", " : "") + bases[i]->name;
            raise_type_error("Cannot create a consistent method resolution order (MRO) for bases " + names);
        }
        out.push_back(cand);
        for (auto& s : seqs)
            if (s.front() == cand) s.erase(s.begin());
    }
}

}  // namespace

Value build_class(Interp& in, const Value& body, const std::string& name, std::vector<Value> base_values) {
    std::vector<Type*> bases;
    for (auto& b : base_values) {
        if (!b.is_object() || b.type()->kind != Kind::type)
            raise_type_error("bases must be types");  // CPython: metaclass conflict messages vary
        Type* t = b.as<Type>();
        if (t->is_final) raise_type_error("type '" + t->name + "' is not an acceptable base type");
        bases.push_back(t);
    }
    if (bases.empty()) bases.push_back(types().object);
    // Instances take the layout of the most derived built-in base.
    const Type* layout = bases[0]->builtin_base();
    for (Type* b : bases) {
        const Type* l = b->builtin_base();
        if (l->kind != Kind::object && layout->kind == Kind::object) layout = l;
        else if (l->kind != Kind::object && l != layout && !l->is_subtype(layout) && !layout->is_subtype(l))
            raise_type_error("multiple bases have instance lay-out conflict");
    }
    // Run the body in a fresh namespace (the class's __dict__ to be).
    Value ns(new Dict());
    Function& fn = *body.as<Function>();
    Ref<Frame> frame(new Frame(fn.code, fn.globals, ns));
    frame->func = body;
    auto& code = *fn.code;
    size_t nl = code.nlocals();
    for (size_t i = 0; i < code.cellvars.size(); ++i) frame->fast[nl + i] = Value(new Cell());
    if (!code.freevars.empty()) {
        auto& cells = fn.closure.as<Tuple>()->items;
        for (size_t i = 0; i < code.freevars.size(); ++i) frame->fast[nl + code.cellvars.size() + i] = cells[i];
    }
    in.enter_call();
    Value cell;
    try {
        cell = in.vm().run(frame);
    } catch (...) {
        in.leave_call();
        throw;
    }
    in.leave_call();

    auto* cls = new Type(name, layout->kind, nullptr);
    Value result(cls);
    cls->heap = true;
    cls->type = types().type;
    cls->dict->type = types().dict;
    cls->bases = bases;
    for (Type* b : bases)
        if (b->heap) b->add_ref();
    cls->mro = c3(cls, bases);
    Dict* d = ns.as<Dict>();
    for (auto& e : d->entries()) {
        if (e.key.is_undefined()) continue;
        cls->dict->set(in, e.key, e.value);
    }
    Value q = d->get_str("__qualname__");
    cls->qualname = is_str(q) ? q.as<Str>()->s : name;
    cls->dict->erase_str("__qualname__");
    Value m = d->get_str("__module__");
    cls->module = is_str(m) ? m.as<Str>()->s : "__main__";
    // A class defining __eq__ without __hash__ is unhashable (typeobject.c inherit_slots).
    if (!cls->dict->get_str("__eq__").is_undefined() && cls->dict->get_str("__hash__").is_undefined())
        cls->dict->set_str("__hash__", Value::none());
    if (cell.is_object() && cell.type()->kind == Kind::cell) cell.as<Cell>()->value = result;
    // __set_name__ and __init_subclass__ (only the hooks tutorials could use).
    for (auto& e : cls->dict->entries()) {
        if (e.key.is_undefined() || !e.value.is_object() || !e.value.type()->heap) continue;
        Value sn = e.value.type()->lookup("__set_name__");
        if (!sn.is_undefined()) call(in, sn, std::vector<Value>{e.value, result, e.key});
    }
    return result;
}

}  // namespace looplab::py
