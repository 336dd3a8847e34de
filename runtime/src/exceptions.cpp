#include "looplab/exceptions.hpp"

#include <string>

namespace looplab {

namespace {

// Python's repr() of a str, enough for exception messages: single quotes unless the text
// holds a single quote and no double quote (CPython unicode_repr).
std::string py_str_repr(const std::string& s) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char q = (has_single && !has_double) ? '"' : '\'';
    std::string out(1, q);
    for (unsigned char c : s) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c == static_cast<unsigned char>(q)) {
                out += '\\';
                out += static_cast<char>(c);
            } else if (c < 0x20 || c == 0x7f) {
                static const char* hex = "0123456789abcdef";
                out += "\\x";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += q;
    return out;
}

std::string group_repr(const char* type, const std::string& msg, const std::vector<std::exception_ptr>& excs) {
    std::string out = std::string(type) + "(" + py_str_repr(msg) + ", [";
    for (size_t i = 0; i < excs.size(); ++i) {
        if (i) out += ", ";
        out += exception_repr(excs[i]);
    }
    return out + "])";
}

}  // namespace

std::string BaseException::repr() const {
    if (message_.empty()) return std::string(type_name()) + "()";
    return std::string(type_name()) + "(" + py_str_repr(message_) + ")";
}

std::string BaseException::format_exception_only() const {
    if (message_.empty()) return type_name();
    return std::string(type_name()) + ": " + message_;
}

std::string BaseExceptionGroup::repr() const { return group_repr(type_name(), message(), exceptions_); }
std::string ExceptionGroup::repr() const { return group_repr(type_name(), message(), exceptions_); }

std::exception_ptr make_exception_group(std::string message, std::vector<std::exception_ptr> exceptions) {
    bool all_exceptions = true;
    for (auto& e : exceptions) all_exceptions = all_exceptions && is_exception(e);
    if (all_exceptions) return std::make_exception_ptr(ExceptionGroup(std::move(message), std::move(exceptions)));
    return std::make_exception_ptr(BaseExceptionGroup(std::move(message), std::move(exceptions)));
}

const std::vector<std::exception_ptr>* exception_group_members(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const ExceptionGroup& g) {
        return &g.exceptions();
    } catch (const BaseExceptionGroup& g) {
        return &g.exceptions();
    } catch (...) {
        return nullptr;
    }
}

bool is_cancelled_error(const std::exception_ptr& e) {
    if (!e) return false;
    try {
        std::rethrow_exception(e);
    } catch (const CancelledError&) {
        return true;
    } catch (...) {
        return false;
    }
}

bool is_exception(const std::exception_ptr& e) {
    if (!e) return false;
    try {
        std::rethrow_exception(e);
    } catch (const Exception&) {
        return true;
    } catch (const BaseException&) {
        return false;
    } catch (const RunEnded&) {
        return false;
    } catch (...) {
        return true;  // a foreign C++ exception counts as an Exception
    }
}

std::string exception_repr(const std::exception_ptr& e) {
    if (!e) return "None";
    try {
        std::rethrow_exception(e);
    } catch (const BaseException& x) {
        return x.repr();
    } catch (const std::exception& x) {
        return RuntimeError(x.what()).repr();
    } catch (...) {
        return "RuntimeError('unknown C++ exception')";
    }
}

std::string exception_type_name(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const BaseException& x) {
        return x.type_name();
    } catch (...) {
        return "RuntimeError";
    }
}

std::string format_exception_only(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const BaseException& x) {
        return x.format_exception_only();
    } catch (const std::exception& x) {
        return RuntimeError(x.what()).format_exception_only();
    } catch (...) {
        return "RuntimeError: unknown C++ exception";
    }
}

}  // namespace looplab
