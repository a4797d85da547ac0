using System.ComponentModel.DataAnnotations;

namespace MyMetric;

/// <summary>The metric's options, bound from its entry in the config's <c>metrics</c> list and validated by the host before any work.</summary>
public sealed class MyMetricOptions
{
    /// <summary>Added to |mean of the truth| in the denominator, so that a channel whose mean is near zero does not divide by zero.</summary>
    [Range(0.0, 1e300, ErrorMessage = "floor must be non-negative")]
    public double Floor { get; set; } = 1e-12;
}
