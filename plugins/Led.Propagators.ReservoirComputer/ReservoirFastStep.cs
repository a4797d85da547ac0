using Led.Abstractions.Learning;

namespace Led.Propagators.ReservoirComputer;

/// <summary>One trajectory of the reservoir computer on plain arrays: the same update and read-out as the tensor path, no allocation per step.</summary>
internal sealed class ReservoirFastStep(Reservoir reservoir, double[] readout) : IFastLatentStep
{
    private readonly double[] _h = new double[reservoir.Size], _scratch = new double[reservoir.Size];

    public void Reset() => Array.Clear(_h);

    public void Step(ReadOnlySpan<double> input, Span<double> output)
    {
        reservoir.Advance(_h, input, _scratch);
        ReservoirComputerPropagator.ReadOut(readout, _h, _scratch, output);
    }
}
