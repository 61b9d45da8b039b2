print("taro-tui")
