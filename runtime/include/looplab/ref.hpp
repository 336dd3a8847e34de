#pragma once
// Shared ownership for runtime objects, the way Python shares objects: by reference count.
// Counts are not atomic on purpose: everything in a LoopLab run, including simulated threads
// and processes (SPEC 3), is scheduled by the runtime on one OS thread.
#include <cstdint>
#include <utility>

namespace looplab {

class RefCounted {
public:
    RefCounted() = default;
    RefCounted(const RefCounted&) = delete;
    RefCounted& operator=(const RefCounted&) = delete;

    void add_ref() noexcept { ++refs_; }
    void release() noexcept {
        if (--refs_ == 0) delete this;
    }
    uint32_t ref_count() const noexcept { return refs_; }

protected:
    virtual ~RefCounted() = default;

private:
    uint32_t refs_ = 0;
};

inline void add_ref(RefCounted* p) noexcept {
    if (p) p->add_ref();
}
inline void release(RefCounted* p) noexcept {
    if (p) p->release();
}

// Intrusive owning pointer (boost::intrusive_ptr without the dependency).
template <class T>
class Ref {
public:
    Ref() noexcept = default;
    Ref(std::nullptr_t) noexcept {}
    explicit Ref(T* p) noexcept : p_(p) {
        if (p_) p_->add_ref();
    }
    Ref(const Ref& o) noexcept : Ref(o.p_) {}
    Ref(Ref&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
    template <class U>
    Ref(const Ref<U>& o) noexcept : Ref(static_cast<T*>(o.get())) {}
    ~Ref() {
        if (p_) p_->release();
    }
    Ref& operator=(Ref o) noexcept {
        std::swap(p_, o.p_);
        return *this;
    }
    // Take over a count the caller already holds.
    static Ref adopt(T* p) noexcept {
        Ref r;
        r.p_ = p;
        return r;
    }
    T* detach() noexcept { return std::exchange(p_, nullptr); }
    T* get() const noexcept { return p_; }
    T* operator->() const noexcept { return p_; }
    T& operator*() const noexcept { return *p_; }
    explicit operator bool() const noexcept { return p_ != nullptr; }
    friend bool operator==(const Ref& a, const Ref& b) noexcept { return a.p_ == b.p_; }

private:
    T* p_ = nullptr;
};

template <class T, class... Args>
Ref<T> make_ref(Args&&... args) {
    return Ref<T>(new T(std::forward<Args>(args)...));
}

}  // namespace looplab
