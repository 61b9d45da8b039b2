/// Receives the parts of a multipart body as `MultipartStreamParser` finds
/// them: a part's headers, then its content in any number of pieces.
protocol MultipartPartHandler: AnyObject {
    func partBegan(_ headers: MultipartPartHeaders)
    /// Content bytes of the current part; valid only during the call.
    func partContent(_ bytes: UnsafeRawBufferPointer)
    func partEnded()
}
