using System.ComponentModel.DataAnnotations;

namespace Led.TestPlugins.Oscillator;

public sealed class OscillatorOptions
{
    [Range(1e-6, 1e6, ErrorMessage = "frequency must be positive")]
    public double Frequency { get; set; } = 1;

    [Range(1e-6, 10, ErrorMessage = "coarseStep must be in (0, 10]")]
    public double CoarseStep { get; set; } = 0.1;

    public List<int> Grid { get; set; } = [4];

    public OscillatorDrive Drive { get; set; }

    /// <summary>Derived, not a key of the config (options classes may offer such conveniences).</summary>
    public double Period => 2 * Math.PI / Frequency;

    /// <summary>Derived, not a key of the config.</summary>
    public IReadOnlyList<int> Cells => [.. Grid.Select(g => g - 1)];
}
