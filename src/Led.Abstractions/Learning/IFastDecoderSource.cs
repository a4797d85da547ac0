namespace Led.Abstractions.Learning;

/// <summary>
/// An autoencoder that offers a compiled single-state decoder (used automatically for rollouts and timing where
/// offered). Compile again after the weights change: the decoder holds a copy of them.
/// </summary>
public interface IFastDecoderSource
{
    /// <summary>
    /// The current decoder compiled into an <see cref="IFastDecoder"/>, or null when the decoder holds a layer the compiled
    /// path does not cover (callers then decode through the tensor path).
    /// </summary>
    IFastDecoder? CompileDecoder();
}
