using Led.Abstractions.Learning;

namespace Led.Propagators.Sindy;

/// <summary>One trajectory of the SINDy model on plain arrays: the input integrated over Δt, the same arithmetic as the tensor path.</summary>
internal sealed class SindyFastStep(SindyDynamics dynamics) : IFastLatentStep
{
    public void Reset()
    {
    }

    public void Step(ReadOnlySpan<double> input, Span<double> output)
    {
        input.CopyTo(output);
        dynamics.Advance(output);
    }
}
