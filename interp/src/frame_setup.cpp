// Building a frame from a call's arguments (CPython Python/ceval.c initialize_locals),
// with CPython 3.11's error messages for every way a call can mismatch a signature.
#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/vm.hpp"

namespace looplab::py {

Frame::Frame(Ref<Code> c, Dict* g, Value locals) : Object(types().cell), code(std::move(c)), globals(g), locals_dict(std::move(locals)) {
    fast.resize(code->nlocals() + code->ncells());
    // One allocation up front instead of growing 1, 2, 4, 8 (a malloc, a copy and a free
    // each time) in every new frame: most expressions need fewer than 8 slots.
    stack.reserve(8);
}
Frame::~Frame() = default;

namespace {
std::string quoted_list(const std::vector<std::string>& names) {
    // "'a'", "'a' and 'b'", "'a', 'b', and 'c'" (ceval.c format_missing).
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}
}  // namespace

Ref<Frame> VM::make_frame(Function& fn, const CallArgs& a) {
    Code& code = *fn.code;
    Ref<Frame> frame(new Frame(fn.code, fn.globals));
    frame->func = Value(&fn);
    auto& fast = frame->fast;
    const std::string& qn = fn.qualname;
    size_t argcount = size_t(code.argcount);
    size_t kwonly = size_t(code.kwonlyargcount);
    size_t npos = std::min(a.nargs, argcount);
    for (size_t i = 0; i < npos; ++i) fast[i] = a.args[i];
    size_t slot = argcount + kwonly;
    if (code.varargs) {
        std::vector<Value> extra;
        for (size_t i = npos; i < a.nargs; ++i) extra.push_back(a.args[i]);
        fast[slot++] = make_tuple(std::move(extra));
    } else if (a.nargs > argcount) {
        size_t ndefaults = fn.defaults.is_undefined() ? 0 : fn.defaults.as<Tuple>()->items.size();
        size_t kw_given = 0;
        for (size_t i = 0; i < a.nkw; ++i)
            for (size_t j = argcount; j < argcount + kwonly; ++j)
                if (code.varnames[j] == a.kwnames[i]->s) ++kw_given;
        std::string takes;
        if (ndefaults) takes = "from " + std::to_string(argcount - ndefaults) + " to " + std::to_string(argcount);
        else takes = std::to_string(argcount);
        std::string msg = qn + "() takes " + takes + " positional argument" + (argcount == 1 && !ndefaults ? "" : "s") +
                          " but " + std::to_string(a.nargs) + (kw_given ? " positional argument" : "") +
                          (kw_given ? (a.nargs == 1 ? "" : "s") : "") + (a.nargs == 1 ? " was" : " were") + " given";
        if (kw_given)
            msg += " and " + std::to_string(kw_given) + " keyword-only argument" + (kw_given == 1 ? "" : "s") + " given";
        // CPython: "f() takes 1 positional argument but 2 were given"
        if (!kw_given)
            msg = qn + "() takes " + takes + " positional argument" + (takes == "1" ? "" : "s") + " but " +
                  std::to_string(a.nargs) + (a.nargs == 1 ? " was" : " were") + " given";
        raise_type_error(msg);
    }
    Dict* kwdict = nullptr;
    if (code.varkeywords) {
        kwdict = new Dict();
        fast[slot] = Value(kwdict);
    }
    for (size_t i = 0; i < a.nkw; ++i) {
        const std::string& name = a.kwnames[i]->s;
        size_t j = size_t(code.posonlyargcount);
        for (; j < argcount + kwonly; ++j)
            if (code.varnames[j] == name) break;
        if (j == argcount + kwonly) {
            bool posonly = false;
            for (size_t p = 0; p < size_t(code.posonlyargcount); ++p)
                if (code.varnames[p] == name) posonly = true;
            if (kwdict) {
                kwdict->set_str(name, a.kwvalues[i]);
                continue;
            }
            if (posonly)
                raise_type_error(qn + "() got some positional-only arguments passed as keyword arguments: '" + name + "'");
            raise_type_error(qn + "() got an unexpected keyword argument '" + name + "'");
        }
        if (!fast[j].is_undefined()) raise_type_error(qn + "() got multiple values for argument '" + name + "'");
        fast[j] = a.kwvalues[i];
    }
    // Defaults for missing positional parameters.
    if (a.nargs < argcount) {
        const std::vector<Value>* defs = fn.defaults.is_undefined() ? nullptr : &fn.defaults.as<Tuple>()->items;
        size_t ndefaults = defs ? defs->size() : 0;
        size_t first_default = argcount - ndefaults;
        std::vector<std::string> missing;
        for (size_t i = a.nargs; i < argcount; ++i) {
            if (!fast[i].is_undefined()) continue;
            if (i >= first_default) fast[i] = (*defs)[i - first_default];
            else missing.push_back(code.varnames[i]);
        }
        if (!missing.empty())
            raise_type_error(qn + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                             (missing.size() == 1 ? "" : "s") + ": " + quoted_list(missing));
    }
    if (kwonly) {
        std::vector<std::string> missing;
        for (size_t i = argcount; i < argcount + kwonly; ++i) {
            if (!fast[i].is_undefined()) continue;
            Value d = fn.kwdefaults.is_undefined() ? Value() : fn.kwdefaults.as<Dict>()->get_str(code.varnames[i]);
            if (d.is_undefined()) missing.push_back(code.varnames[i]);
            else fast[i] = d;
        }
        if (!missing.empty())
            raise_type_error(qn + "() missing " + std::to_string(missing.size()) + " required keyword-only argument" +
                             (missing.size() == 1 ? "" : "s") + ": " + quoted_list(missing));
    }
    // Cells: captured locals (arguments start in their cell), then the closure's cells.
    size_t nl = code.nlocals();
    for (size_t i = 0; i < code.cellvars.size(); ++i) {
        int arg = code.cell2arg[i];
        Value init;
        if (arg >= 0) {
            // The parameter's slot index: params are the first varnames in order.
            for (size_t j = 0; j < code.nlocals(); ++j)
                if (code.varnames[j] == code.cellvars[i]) init = fast[j];
        }
        fast[nl + i] = Value(new Cell(init));
    }
    if (!code.freevars.empty()) {
        auto& cells = fn.closure.as<Tuple>()->items;
        for (size_t i = 0; i < code.freevars.size(); ++i) fast[nl + code.cellvars.size() + i] = cells[i];
    }
    return frame;
}

}  // namespace looplab::py
