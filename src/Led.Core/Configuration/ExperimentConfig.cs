using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;

namespace Led.Core.Configuration;

/// <summary>One experiment: the root of a config document.</summary>
public sealed class ExperimentConfig
{
    [Required(ErrorMessage = "system is required: add a section {{ \"name\": …, \"options\": {{ … }} }} naming a system plugin")]
    public SystemSection? System { get; set; }

    public DataOptions Data { get; set; } = new();

    /// <summary>The encoder: an autoencoder component (which decodes too) or an encoder alone, paired with <see cref="Decoder"/>.</summary>
    public ComponentSection? Encoder { get; set; }

    /// <summary>The decoder, when the encoder is an encoder alone (e.g. a mixture-density decoder for a permutation-invariant encoder).</summary>
    public ComponentSection? Decoder { get; set; }

    public ComponentSection? Propagator { get; set; }

    /// <summary>Extra forecast scores from plugins, each <c>{ "name": …, "options": { … } }</c>.</summary>
    public List<ComponentSection> Metrics { get; set; } = new();

    public TrainingOptions Training { get; set; } = new();

    public ForecastOptions Forecast { get; set; } = new();

    public OutputOptions Output { get; set; } = new();

    /// <summary><c>auto</c> (CUDA if available, else CPU), <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    [RegularExpression(@"^(auto|cpu|cuda(:\d+)?)$", ErrorMessage = "device must be 'auto', 'cpu', 'cuda' or 'cuda:N'")]
    public string Device { get; set; } = "auto";

    /// <summary><c>float64</c> (as the reference) or <c>float32</c>.</summary>
    public Precision Precision { get; set; } = Precision.Float64;

    public int Seed { get; set; } = 1;

    /// <summary>Torch intra-op threads (1 was fastest for small models on 2 cores).</summary>
    [Range(1, 1024, ErrorMessage = "threads must be between 1 and 1024")]
    public int Threads { get; set; } = 1;

    /// <summary>Extra plugin search folders.</summary>
    public List<string> Plugins { get; set; } = new();

    /// <summary>
    /// A study of several runs (grid, zip, repeat over seeds), expanded by <c>led sweep</c>; the raw section is passed
    /// through. A single-run command refuses a config that has one.
    /// </summary>
    [JsonIgnore]
    [RunWithSweepCommand]
    public IConfigurationSection? Sweep { get; set; }
}
