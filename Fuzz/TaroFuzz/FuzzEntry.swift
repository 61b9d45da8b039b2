import Glibc

/// libFuzzer's entry point: every input goes to the target named by
/// `TARO_FUZZ_TARGET` (`make fuzz` runs each in turn). A broken invariant
/// stops the process with a message, which libFuzzer records as a crash
/// together with the input that caused it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.selected.run(bytes)
    return 0
}

/// (In this file, not its own: a C function pointer to a `@_cdecl` function
/// made in another file defines the symbol a second time.)
///
/// SwiftPM links an executable with `main` aliased to `taro_fuzz_main`, so
/// libFuzzer's own `main` is never linked in; this starts its driver instead,
/// with the command line as given (`-max_total_time=60 corpus/` and so on).
@_cdecl("taro_fuzz_main")
func taroFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
