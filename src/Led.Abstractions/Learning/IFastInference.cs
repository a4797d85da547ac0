namespace Led.Abstractions.Learning;

/// <summary>
/// A trained component that offers a compiled single-trajectory path (used automatically for rollouts and timing):
/// propagators return an <see cref="IFastLatentStep"/>, decoders an <see cref="IFastDecoder"/>; null where not offered.
/// Compile again after the weights change.
/// </summary>
public interface IFastInference
{
    IFastLatentStep? CompileStep();

    IFastDecoder? CompileDecoder();
}
