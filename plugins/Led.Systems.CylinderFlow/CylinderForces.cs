using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace Led.Systems.CylinderFlow;

/// <summary>
/// Forecast metric <c>CylinderForces</c> (paper Fig. 4–5, reference-spec §4 and §6): drag and lift coefficients computed
/// from the predicted and the true (p, u_x, u_y) fields alone with <see cref="SurfaceForces"/>, and the Strouhal
/// number of each from the spectral peak of its C_l(t) (Hann window, zero-padded FFT, parabolic peak; St = f·D/U with
/// D = U = 1). Keys:
/// <list type="bullet">
/// <item><c>drag_truth</c>, <c>drag_prediction</c>: mean C_d over initial conditions and time.</item>
/// <item><c>drag_relative_error</c>: mean over initial conditions and time of |C_d,pred − C_d,true| / |C_d,true| (the
/// reference's per-IC-and-time relative error, averaged).</item>
/// <item><c>drag_mean_relative_error</c>: |mean C_d,pred − mean C_d,true| / |mean C_d,true| (of the means).</item>
/// <item><c>lift_rms_truth</c>, <c>lift_rms_prediction</c>: root mean square of C_l about its mean per initial
/// condition, averaged over initial conditions.</item>
/// <item><c>strouhal_truth</c>, <c>strouhal_prediction</c>: St per initial condition, averaged; <c>strouhal_relative_error</c>:
/// mean over initial conditions of |St_pred − St_true| / St_true.</item>
/// </list>
/// </summary>
public sealed class CylinderForces : IForecastMetric
{
    private readonly SurfaceForces _forces;

    /// <summary>A metric for data of <paramref name="system"/> (its grid) produced with the geometry and Re of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">Invalid options, or a system that is not the cylinder flow's (p, u_x, u_y, …) on a matching grid.</exception>
    public CylinderForces(CylinderForcesOptions options, SystemDescription system)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(system);
        options.ThrowIfInvalid();
        if (system.Grid.Count != 2 || system.Channels.Count < 3 || system.Channels[0] != "p" || system.Channels[1] != "u_x" || system.Channels[2] != "u_y")
            throw new ArgumentException(
                $"CylinderForces needs the cylinder flow's fields: channels starting (p, u_x, u_y) on a 2-D grid [Ny, Nx], but the system has channels " +
                $"[{string.Join(", ", system.Channels)}] on a grid [{string.Join(", ", system.Grid)}]; use it with the CylinderFlow system.", nameof(system));
        var flow = new CylinderFlowOptions { Reynolds = options.Reynolds, Geometry = options.Geometry, Nx = system.Grid[1], Ny = system.Grid[0] };
        var errors = flow.Errors();
        if (errors.Count > 0)
            throw new ArgumentException(
                $"CylinderForces: the data's grid [{system.Grid[0]}, {system.Grid[1]}] does not fit the {options.Geometry} geometry: " +
                string.Join(" ", errors.Select(e => e.ErrorMessage)), nameof(system));
        if (Math.Abs(system.Extent[0] - flow.DomainHeight) > 1e-9 * flow.DomainHeight || Math.Abs(system.Extent[1] - flow.DomainLength) > 1e-9 * flow.DomainLength)
            throw new ArgumentException(
                $"CylinderForces: the data's domain is {system.Extent[1]:G6} × {system.Extent[0]:G6} but the {flow.Preset} geometry on that grid is " +
                $"{flow.DomainLength:G6} × {flow.DomainHeight:G6}; set the metric's geometry to the system's.", nameof(system));
        Options = options;
        _forces = SurfaceForces.For(flow.ToSetup(), options.PressurePoints, options.ViscousPoints, options.PressureOffset, options.ViscousOffset);
    }

    /// <summary>The options the metric was built with.</summary>
    public CylinderForcesOptions Options { get; }

    /// <summary>The surface integration used for every frame.</summary>
    public SurfaceForces Forces => _forces;

    /// <summary>C_d and C_l of every frame of <paramref name="frames"/> (consecutive observable frames).</summary>
    public (double[] Drag, double[] Lift) Series(ReadOnlySpan<double> frames, int frameSize)
    {
        if (frameSize <= 0 || frames.Length % frameSize != 0)
            throw new ArgumentException($"{frames.Length} values are not whole frames of {frameSize}", nameof(frames));
        int count = frames.Length / frameSize;
        var drag = new double[count];
        var lift = new double[count];
        for (int f = 0; f < count; f++)
            (drag[f], lift[f]) = _forces.Coefficients(frames.Slice(f * frameSize, frameSize));
        return (drag, lift);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Evaluate(SystemDescription system, ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets,
        int initialConditions)
    {
        ArgumentNullException.ThrowIfNull(system);
        int frame = system.Size;
        if (predictions.Length != targets.Length || initialConditions < 1 || predictions.Length % ((long)frame * initialConditions) != 0)
            throw new ArgumentException(
                $"predictions ({predictions.Length}) and targets ({targets.Length}) must both hold {initialConditions} initial conditions × T frames of {frame} values");
        int steps = predictions.Length / frame / initialConditions;
        double dt = system.CoarseTimeStep;
        var (dragTruth, liftTruth) = Series(targets, frame);
        var (dragPrediction, liftPrediction) = Series(predictions, frame);

        double relative = 0;
        for (int k = 0; k < dragTruth.Length; k++)
            relative += Math.Abs(dragPrediction[k] - dragTruth[k]) / Math.Abs(dragTruth[k]);
        double meanTruth = dragTruth.Average(), meanPrediction = dragPrediction.Average();

        double rmsTruth = 0, rmsPrediction = 0, stTruth = 0, stPrediction = 0, stError = 0;
        for (int i = 0; i < initialConditions; i++)
        {
            var truth = liftTruth.AsSpan(i * steps, steps);
            var predicted = liftPrediction.AsSpan(i * steps, steps);
            rmsTruth += Rms(truth);
            rmsPrediction += Rms(predicted);
            double st = Strouhal(truth, dt), stPredicted = Strouhal(predicted, dt);
            stTruth += st;
            stPrediction += stPredicted;
            stError += Math.Abs(stPredicted - st) / st;
        }
        return new Dictionary<string, double>
        {
            ["drag_truth"] = meanTruth,
            ["drag_prediction"] = meanPrediction,
            ["drag_relative_error"] = relative / dragTruth.Length,
            ["drag_mean_relative_error"] = Math.Abs(meanPrediction - meanTruth) / Math.Abs(meanTruth),
            ["lift_rms_truth"] = rmsTruth / initialConditions,
            ["lift_rms_prediction"] = rmsPrediction / initialConditions,
            ["strouhal_truth"] = stTruth / initialConditions,
            ["strouhal_prediction"] = stPrediction / initialConditions,
            ["strouhal_relative_error"] = stError / initialConditions,
        };
    }

    /// <summary>St = f·D/U of a C_l series sampled every <paramref name="dt"/> (D/U), f the spectral peak.</summary>
    public double Strouhal(ReadOnlySpan<double> lift, double dt) =>
        SheddingAnalysis.DominantFrequency(lift, dt) * _forces.Diameter / _forces.Velocity;

    private static double Rms(ReadOnlySpan<double> signal)
    {
        double mean = 0;
        foreach (double x in signal) mean += x;
        mean /= signal.Length;
        double sum = 0;
        foreach (double x in signal) sum += (x - mean) * (x - mean);
        return Math.Sqrt(sum / signal.Length);
    }
}
