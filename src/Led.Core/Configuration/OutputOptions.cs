namespace Led.Core.Configuration;

/// <summary>What a run writes besides metrics (config section <c>output</c>).</summary>
public sealed class OutputOptions
{
    /// <summary>Run folder when no <c>--out</c> is given; relative to the working directory.</summary>
    public string Directory { get; set; } = "results/run";

    /// <summary>Write PNG and SVG plots.</summary>
    public bool Plots { get; set; } = true;

    /// <summary>Store predictions and targets in HDF5.</summary>
    public bool Predictions { get; set; } = true;
}
