import CNcursesw
func _probe() { var w: wint_t = 0; _ = get_wch(&w); _ = taro_a_bold(); _ = taro_getmaxx(taro_stdscr()) }
