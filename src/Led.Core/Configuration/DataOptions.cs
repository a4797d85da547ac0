using System.ComponentModel.DataAnnotations;

namespace Led.Core.Configuration;

/// <summary>How training, validation and test data are generated from the system (config section <c>data</c>).</summary>
public sealed class DataOptions
{
    /// <summary>Time discarded before sampling starts (e.g. 1000 for KS).</summary>
    [Range(0, double.MaxValue, ErrorMessage = "transient must be ≥ 0 (time units)")]
    public double Transient { get; set; } = 1000;

    /// <summary>Number of training trajectories (separate seeded runs).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "trainTrajectories must be ≥ 1")]
    public int TrainTrajectories { get; set; } = 1;

    [Range(1, int.MaxValue, ErrorMessage = "validationTrajectories must be ≥ 1")]
    public int ValidationTrajectories { get; set; } = 1;

    /// <summary>Coarse samples per training trajectory.</summary>
    [Range(2, int.MaxValue, ErrorMessage = "trainSamples must be ≥ 2")]
    public int TrainSamples { get; set; } = 15000;

    /// <summary>Coarse samples per validation trajectory.</summary>
    [Range(2, int.MaxValue, ErrorMessage = "validationSamples must be ≥ 2")]
    public int ValidationSamples { get; set; } = 15000;

    /// <summary>Number of test initial conditions (each a separate seeded run).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "testInitialConditions must be ≥ 1")]
    public int TestInitialConditions { get; set; } = 100;

    /// <summary>Coarse samples per test trajectory (warm-up + horizon). 0: warm-up + horizon from the forecast section.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "testSamples must be ≥ 0")]
    public int TestSamples { get; set; }

    /// <summary>How <c>led simulate</c> stores the trajectories: <c>float64</c>, or <c>float32</c> (half the size; read back as float64).</summary>
    public Precision Storage { get; set; } = Precision.Float64;

    /// <summary>Optional: an existing dataset (HDF5, as a simulation of the system writes it) to use instead of simulating.</summary>
    public string? Path { get; set; }
}
