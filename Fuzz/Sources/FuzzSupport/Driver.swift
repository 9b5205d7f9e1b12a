import CFuzzDriver
import Foundation

extension Fuzz {
    /// The body the running executable fuzzes (set once by ``drive(_:)``, before libFuzzer starts).
    nonisolated(unsafe) static var body: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }

    /// Hands `body` to libFuzzer's driver with the process's arguments and exits with its status: the whole
    /// `main.swift` of a target (`Fuzz.drive(Fuzz.xlsx)`).
    public static func drive(_ body: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
        Fuzz.body = body
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
    }
}

/// libFuzzer's entry point, one for every target: it runs the body ``Fuzz/drive(_:)`` was given.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.body(UnsafeBufferPointer(start: data, count: size))
    return 0
}
