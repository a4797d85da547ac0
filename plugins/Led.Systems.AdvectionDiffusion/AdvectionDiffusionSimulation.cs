using Led.Abstractions.Systems;

namespace Led.Systems.AdvectionDiffusion;

/// <summary>A run of <see cref="AdvectionDiffusionParticles"/>: the particles, their clock and their random streams.</summary>
public sealed class AdvectionDiffusionSimulation : IMicroSimulation
{
    private readonly BrownianStepper _stepper;
    private readonly AdvectionDiffusionParticlesOptions _options;

    internal AdvectionDiffusionSimulation(AdvectionDiffusionParticlesOptions options, ReadOnlySpan<double> positions, double time, ulong seed)
    {
        _options = options;
        _stepper = new BrownianStepper(options, positions, time, seed);
    }

    /// <inheritdoc />
    public double Time => _stepper.Time;

    /// <summary>Micro steps taken since the start or the lift.</summary>
    public ulong MicroSteps => _stepper.Steps;

    /// <summary>Coordinates of one axis (0: x, 1: y, 2: z), one per particle.</summary>
    public ReadOnlySpan<double> Axis(int axis) => _stepper.Axis(axis);

    /// <summary>Advances by <paramref name="duration"/>, rounded to a whole number of micro steps.</summary>
    public void Advance(double duration)
    {
        if (!(duration >= 0) || !double.IsFinite(duration))
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "a finite duration ≥ 0 is needed");
        _stepper.Step((long)Math.Round(duration / _options.MicroStep));
    }

    /// <summary>The positions, interleaved <c>[N, 3]</c>.</summary>
    public void Observe(Span<double> observable) => _stepper.Observe(observable);

    public void Dispose() { }
}
