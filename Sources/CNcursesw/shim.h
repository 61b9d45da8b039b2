// ncurses with its wide-character API. SwiftPM drops -D_XOPEN_SOURCE from
// ncursesw.pc, so the wide calls (cchar_t, add_wch, get_wch) would vanish
// unless we ask for them here, before curses.h is read.
#ifndef TARO_CNCURSESW_SHIM_H
#define TARO_CNCURSESW_SHIM_H
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Globals and macros Swift cannot import safely.
static inline WINDOW *taro_stdscr(void) { return stdscr; }
static inline int taro_lines(void) { return LINES; }
static inline int taro_cols(void) { return COLS; }
static inline attr_t taro_a_bold(void) { return A_BOLD; }
static inline attr_t taro_a_reverse(void) { return A_REVERSE; }
static inline attr_t taro_a_dim(void) { return A_DIM; }
static inline attr_t taro_a_underline(void) { return A_UNDERLINE; }
static inline attr_t taro_a_normal(void) { return A_NORMAL; }
static inline int taro_color_pair(int n) { return COLOR_PAIR(n); }
static inline int taro_getmaxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int taro_getmaxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline int taro_key_resize(void) { return KEY_RESIZE; }
static inline int taro_key_mouse(void) { return KEY_MOUSE; }
static inline int taro_err(void) { return ERR; }
static inline int taro_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t taro_mouse_mask_all(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline mmask_t taro_button1(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }
static inline mmask_t taro_button4(void) { return BUTTON4_PRESSED; }
static inline mmask_t taro_button5(void) { return BUTTON5_PRESSED; }

// Writes one wide-character cell with attributes and colour pair.
static inline int taro_put_cell(WINDOW *w, int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(w, y, x, &cc);
}
#endif
