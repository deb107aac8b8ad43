#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE; without these the wide-character API is hidden. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
/* mallopt: the editor fixes when large blocks get pages of their own (LargeAllocations). */
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Macros and arrays that Swift cannot import, wrapped as inline functions. */
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline WINDOW *cn_stdscr(void) { return stdscr; }

/* ---------------------------------------------------------------------------------------
 * IMPORTANT: the statics below exist once per object file that uses them. Every call that
 * reads or writes them must come from one Swift file (Terminal.swift), or the handler and
 * the reader would look at different copies.
 * ------------------------------------------------------------------------------------- */

/* Key codes of our own for the bracketed-paste markers (above every curses key code). */
static inline int cn_key_paste_begin(void) { return KEY_MAX + 1; }
static inline int cn_key_paste_end(void) { return KEY_MAX + 2; }

/* Whether `name` has a terminfo entry that can address the cursor (what the editor needs).
 * 1 = usable, 0 = unknown to terminfo, -1 = known but cannot move the cursor (dumb, hardcopy).
 * Unlike initscr, never exits the process. */
static inline int cn_term_usable(const char *name) {
    int err = 0;
    if (setupterm((char *)name, STDOUT_FILENO, &err) != OK) return 0;
    char *cup = tigetstr("cup");
    int generic = tigetflag("gn") > 0 || tigetflag("hc") > 0;
    int ok = cup != 0 && cup != (char *)-1 && !generic;
    del_curterm(cur_term);
    return ok ? 1 : -1;
}

/* A terminfo string capability, or "" when the terminal has none. */
static inline const char *cn_tigetstr(const char *cap) {
    char *s = tigetstr((char *)cap);
    return (s == 0 || s == (char *)-1) ? "" : s;
}

/* The terminal's size from the kernel (rows, columns); 0 when it cannot tell. */
static inline int cn_tty_size(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return 0;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 1;
}

/* Maps the line-drawing characters to plain ASCII (for terminals in a non-UTF-8 locale). */
static inline void cn_ascii_line_drawing(void) {
    acs_map['q'] = '-'; acs_map['x'] = '|';
    acs_map['l'] = '+'; acs_map['k'] = '+'; acs_map['m'] = '+'; acs_map['j'] = '+';
    acs_map['t'] = '+'; acs_map['u'] = '+'; acs_map['v'] = '+'; acs_map['w'] = '+'; acs_map['n'] = '+';
}

/* Terminating signals (INT, TERM, HUP, QUIT): the handler only records the signal; the
 * update loop notices it within its input timeout and restores the terminal. */
static volatile sig_atomic_t cn_pending_signal = 0;
/* Job control (TSTP = Ctrl-Z, CONT = resumed): recorded the same way. */
static volatile sig_atomic_t cn_pending_stop = 0;
static volatile sig_atomic_t cn_pending_continue = 0;

static void cn_signal_handler(int sig) {
    if (sig == SIGTSTP) cn_pending_stop = 1;
    else if (sig == SIGCONT) cn_pending_continue = 1;
    else cn_pending_signal = sig;
}

/* Installs the flag handler. Returns 0 without installing when `respect_ignored` is set and
 * the signal was ignored at start (nohup, `trap '' HUP`): the parent asked for that. */
static inline int cn_install_signal(int sig, int respect_ignored) {
    struct sigaction old;
    if (respect_ignored && sigaction(sig, 0, &old) == 0 && old.sa_handler == SIG_IGN) return 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cn_signal_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(sig, &sa, 0);
    return 1;
}

static inline void cn_default_signal(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, 0);
}

/* Forgets a pending `sig` (e.g. a Ctrl-C meant for an editor that had the terminal). */
static inline void cn_drop_signal(int sig) { if (cn_pending_signal == sig) cn_pending_signal = 0; }
static inline int cn_take_signal(void) { int s = cn_pending_signal; cn_pending_signal = 0; return s; }
static inline int cn_take_stop(void) { int s = cn_pending_stop; cn_pending_stop = 0; return s; }
static inline int cn_take_continue(void) { int s = cn_pending_continue; cn_pending_continue = 0; return s; }

/* Stops the process group the way the shell expects after Ctrl-Z, and returns after `fg`.
 * The stop is delivered to whichever thread does not block it (often not the caller), so
 * the flag handler goes back only once SIGCONT arrived, or after 1 s when the stop was
 * discarded (an orphaned process group). */
static inline void cn_stop_now(void) {
    cn_pending_continue = 0;
    cn_default_signal(SIGTSTP);
    kill(0, SIGTSTP);
    for (int i = 0; i < 200 && !cn_pending_continue; i++) {
        struct timespec ts = { 0, 5 * 1000 * 1000 };
        nanosleep(&ts, 0);
    }
    cn_install_signal(SIGTSTP, 0);
}

/* ---- Fatal signals (ILL, TRAP, ABRT, SEGV, BUS, FPE): Swift traps arrive as ILL/TRAP. ----
 * The handler is async-signal-safe: write(2) of bytes prepared in advance, tcsetattr(3) with
 * the termios saved before curses started, then the signal again with the default action. */
/* Function-local statics: file-scope ones referenced only from C are not emitted by Swift. */
static inline struct termios *cn_fatal_termios(void) { static struct termios t; return &t; }
static volatile sig_atomic_t cn_fatal_have_termios = 0;
enum { CN_FATAL_RESET_MAX = 512 };
static inline char *cn_fatal_reset(void) { static char bytes[CN_FATAL_RESET_MAX]; return bytes; }
static volatile sig_atomic_t cn_fatal_reset_len = 0;
static volatile sig_atomic_t cn_fatal_armed = 0;

static void cn_fatal_handler(int sig) {
    if (cn_fatal_armed) {
        cn_fatal_armed = 0;
        int n = cn_fatal_reset_len;
        if (n > 0) { ssize_t w = write(STDOUT_FILENO, cn_fatal_reset(), (size_t)n); (void)w; }
        if (cn_fatal_have_termios) tcsetattr(STDIN_FILENO, TCSANOW, cn_fatal_termios());
        char msg[] = "candidates: stopped by signal 00\n";
        size_t len = sizeof msg - 1;
        msg[len - 3] = (char)('0' + (sig / 10) % 10);
        msg[len - 2] = (char)('0' + sig % 10);
        ssize_t w = write(STDERR_FILENO, msg, len); (void)w;
    }
    /* SA_RESETHAND put the default action back; SA_NODEFER lets it act at once. */
    raise(sig);
}

/* Remembers the termios to restore. Call before curses changes anything. */
static inline void cn_fatal_save_termios(const struct termios *t) {
    *cn_fatal_termios() = *t;
    cn_fatal_have_termios = 1;
}

/* The bytes that undo every mode the program turned on, in reverse order. */
static inline void cn_fatal_set_reset(const char *bytes, int len) {
    cn_fatal_reset_len = 0;
    if (len < 0) len = 0;
    if (len > CN_FATAL_RESET_MAX) len = CN_FATAL_RESET_MAX;
    memcpy(cn_fatal_reset(), bytes, (size_t)len);
    cn_fatal_reset_len = len;
}

static inline void cn_fatal_arm(int armed) { cn_fatal_armed = armed; }

static inline void cn_install_fatal(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cn_fatal_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    sigaction(sig, &sa, 0);
}

/* Whether standard input is gone: the terminal hung up (SSH closed), or it is not open. */
static inline int cn_input_hung_up(void) {
    struct pollfd p;
    p.fd = STDIN_FILENO; p.events = POLLIN; p.revents = 0;
    int r = poll(&p, 1, 0);
    if (r < 0) return 0;
    return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Whether a read would return end-of-file right now: input is readable, yet nothing is queued. */
static inline int cn_input_at_eof(void) {
    struct pollfd p;
    p.fd = STDIN_FILENO; p.events = POLLIN; p.revents = 0;
    if (poll(&p, 1, 0) != 1 || !(p.revents & POLLIN)) return 0;
    int queued = 0;
    if (ioctl(STDIN_FILENO, FIONREAD, &queued) != 0) return 1;
    return queued == 0;
}
#endif
