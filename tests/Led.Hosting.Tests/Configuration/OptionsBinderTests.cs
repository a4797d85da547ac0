using System.ComponentModel.DataAnnotations;
using Led.Core.Configuration;
using Led.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace Led.Hosting.Tests.Configuration;

public sealed class OptionsBinderTests
{
    private static IConfiguration Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void AnAttributeErrorAndACrossFieldErrorAreReportedTogether()
    {
        var errors = new List<ConfigError>();
        OptionsBinder.Bind(Section(("batchSize", "0"), ("sequenceLength", "30"), ("windowLength", "20")), typeof(TrainingOptions), "training", errors);

        Assert.Equal(2, errors.Count);
        Assert.Contains(new ConfigError("training.batchSize", "batchSize must be ≥ 1"), errors);
        Assert.Contains(new ConfigError("training.sequenceLength", "sequenceLength (30) must be shorter than windowLength (20)"), errors);
    }

    [Fact]
    public void ACrossFieldRuleOnAValueItsAttributeRejectedIsReportedOnceByTheAttribute()
    {
        var errors = new List<ConfigError>();
        OptionsBinder.Bind(Section(("steps", "3"), ("stride", "2")), typeof(GridOptions), "grid", errors);

        // steps = 3 fails [Range] and the even-steps rule: one error for it; the stride rule still runs.
        Assert.Equal([new ConfigError("grid.steps", "steps must be ≥ 4"), new ConfigError("grid.stride", "stride (2) must divide steps (3)")], errors);
    }

    [Fact]
    public void NestedOptionsAreValidatedByTheSameRule()
    {
        var errors = new List<ConfigError>();
        OptionsBinder.Bind(Section(("forecast:horizon", "0"), ("forecast:reportHorizons:0", "5"), ("forecast:multiscale:microSteps:0", "0")),
            typeof(ExperimentConfig), "", errors);

        Assert.Contains(new ConfigError("forecast.horizon", "horizon must be ≥ 1"), errors);
        Assert.Contains(new ConfigError("forecast.reportHorizons", "reportHorizons: 5 is not between 1 and horizon (0)"), errors);
        Assert.Contains(new ConfigError("forecast.multiscale.microSteps", "microSteps must all be ≥ 1"), errors);
    }

    /// <summary>Options with an attribute and two cross-field rules, one of them on the attribute's member.</summary>
    private sealed class GridOptions : IValidatableObject
    {
        [Range(4, 100, ErrorMessage = "steps must be ≥ 4")]
        public int Steps { get; set; } = 8;

        public int Stride { get; set; } = 1;

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Steps % 2 != 0) yield return new ValidationResult($"steps ({Steps}) must be even", [nameof(Steps)]);
            if (Stride < 1 || Steps % Stride != 0) yield return new ValidationResult($"stride ({Stride}) must divide steps ({Steps})", [nameof(Stride)]);
        }
    }
}
