#pragma once
// The window, the GL context and Dear ImGui's context: everything between the operating system
// and the panels. Two modes: a normal window, and offscreen (screenshots, GUI tests, bench-ui),
// where a hidden GLFW window (works under Xvfb) only provides the GL context and every frame
// is drawn into a framebuffer object of a fixed size, so the result does not depend on the
// screen, the window manager or the X server's colour depth.
#include <cstdint>
#include <string>
#include <vector>

struct GLFWwindow;

namespace looplab::gui {

struct PlatformOptions {
    int width = 1600;
    int height = 1000;
    bool offscreen = false;
    std::string title = "LoopLab";
};

// RGBA pixels, top row first.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba;
    const uint8_t* at(int x, int y) const { return &rgba[(size_t(y) * width + x) * 4]; }
};

class Platform {
public:
    Platform() = default;
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    // Creates the window, the GL 3.3 core context, the ImGui context and its backends.
    // On failure returns false and says why in `error` (no display, no GL 3.3...).
    bool open(const PlatformOptions& options, std::string& error);
    void close();

    bool offscreen() const { return offscreen_; }
    bool should_close() const;
    // Blocks until input arrives or `timeout` seconds pass: an idle GUI uses no CPU.
    void wait_events(double timeout);
    // Starts a frame: polls events and lets the backends fill ImGui's io. Offscreen, the display
    // size is the framebuffer object's and input is whatever the caller put in io (tests).
    void new_frame();
    // Draws ImGui's draw data (after ImGui::Render()) over a clear colour.
    void render(const float clear_rgba[4]);
    void present();
    // Reads the frame just rendered (before present()).
    Image read_pixels() const;
    // Pixels per logical pixel of the monitor the window is on (1 offscreen): font sizes use it.
    float content_scale() const;
    // After the font atlas changed (fonts.cpp adds glyphs as texts are loaded).
    void reload_font_texture();
    GLFWwindow* window() const { return window_; }

private:
    GLFWwindow* window_ = nullptr;
    bool offscreen_ = false;
    bool imgui_ready_ = false;
    int width_ = 0, height_ = 0;
    unsigned fbo_ = 0, color_rb_ = 0;
};

// The window's size in screen coordinates (remembered between runs).
void glfw_window_size(const Platform& p, int& w, int& h);

}  // namespace looplab::gui
