#include "gui/platform.hpp"

#include <glad/gl.h>
// glad's header must come first: GLFW would otherwise pull in the system GL header.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

namespace looplab::gui {

namespace {

std::string glfw_error_text;

void on_glfw_error(int code, const char* text) {
    glfw_error_text = "GLFW error " + std::to_string(code) + ": " + (text ? text : "");
}

}  // namespace

Platform::~Platform() { close(); }

bool Platform::open(const PlatformOptions& options, std::string& error) {
    offscreen_ = options.offscreen;
    width_ = options.width;
    height_ = options.height;
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        error = "cannot open a window (" + glfw_error_text +
                "). Is a display available? Without one, run under `xvfb-run -a`.";
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    if (offscreen_) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    // Offscreen the window only carries the context: keep it small, the FBO has the real size.
    window_ = offscreen_ ? glfwCreateWindow(64, 64, options.title.c_str(), nullptr, nullptr)
                         : glfwCreateWindow(width_, height_, options.title.c_str(), nullptr, nullptr);
    if (!window_) {
        error = "cannot create an OpenGL 3.3 window (" + glfw_error_text + ")";
        glfwTerminate();
        return false;
    }
    glfwMakeContextCurrent(window_);
    if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) {
        error = "cannot load OpenGL 3.3 functions";
        close();
        return false;
    }
    glfwSwapInterval(offscreen_ ? 0 : 1);

    if (offscreen_) {
        glGenFramebuffers(1, &fbo_);
        glGenRenderbuffers(1, &color_rb_);
        glBindRenderbuffer(GL_RENDERBUFFER, color_rb_);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width_, height_);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_rb_);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            error = "cannot create an offscreen framebuffer of " + std::to_string(width_) + "x" +
                    std::to_string(height_);
            close();
            return false;
        }
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    // Offscreen runs (tests, screenshots) must not read or write the user's layout.
    ImGui::GetIO().IniFilename = nullptr;
    // Offscreen, the GLFW backend gets no callbacks: tests put input into io themselves.
    ImGui_ImplGlfw_InitForOpenGL(window_, !offscreen_);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    imgui_ready_ = true;
    return true;
}

void Platform::close() {
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        imgui_ready_ = false;
    }
    if (window_) {
        if (fbo_) glDeleteFramebuffers(1, &fbo_);
        if (color_rb_) glDeleteRenderbuffers(1, &color_rb_);
        fbo_ = color_rb_ = 0;
        glfwDestroyWindow(window_);
        window_ = nullptr;
        glfwTerminate();
    }
}

bool Platform::should_close() const { return !offscreen_ && glfwWindowShouldClose(window_); }

void Platform::wait_events(double timeout) {
    if (!offscreen_) glfwWaitEventsTimeout(timeout);
}

void Platform::new_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (offscreen_) {
        // The GLFW backend would overwrite the scripted mouse with the (absent) real one.
        io.DisplaySize = ImVec2(float(width_), float(height_));
        io.DisplayFramebufferScale = ImVec2(1, 1);
        io.DeltaTime = 1.0f / 60.0f;
    } else {
        glfwPollEvents();
        ImGui_ImplGlfw_NewFrame();
    }
}

void Platform::render(const float clear_rgba[4]) {
    int w = width_, h = height_;
    if (offscreen_) {
        glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    } else {
        glfwGetFramebufferSize(window_, &w, &h);
    }
    glViewport(0, 0, w, h);
    glClearColor(clear_rgba[0], clear_rgba[1], clear_rgba[2], clear_rgba[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Platform::present() {
    if (!offscreen_) glfwSwapBuffers(window_);
}

Image Platform::read_pixels() const {
    Image img;
    int w = width_, h = height_;
    if (!offscreen_) glfwGetFramebufferSize(window_, &w, &h);
    img.width = w;
    img.height = h;
    img.rgba.resize(size_t(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    if (!offscreen_) glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    // GL's first row is the bottom one.
    const size_t row = size_t(w) * 4;
    std::vector<uint8_t> tmp(row);
    for (int y = 0; y < h / 2; ++y) {
        uint8_t* a = &img.rgba[size_t(y) * row];
        uint8_t* b = &img.rgba[size_t(h - 1 - y) * row];
        std::copy(a, a + row, tmp.data());
        std::copy(b, b + row, a);
        std::copy(tmp.data(), tmp.data() + row, b);
    }
    return img;
}

float Platform::content_scale() const {
    if (offscreen_ || !window_) return 1.0f;
    float x = 1, y = 1;
    glfwGetWindowContentScale(window_, &x, &y);
    return x > 0.5f && x < 4.0f ? x : 1.0f;
}

void Platform::reload_font_texture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void glfw_window_size(const Platform& p, int& w, int& h) {
    w = h = 0;
    if (p.window() && !p.offscreen()) glfwGetWindowSize(p.window(), &w, &h);
}

}  // namespace looplab::gui
