using System.ComponentModel.DataAnnotations;

namespace Led.Systems.KuramotoSivashinsky.Tests;

public class KuramotoSivashinskyOptionsTests
{
    [Fact]
    public void Defaults_are_the_reference_setup_and_valid()
    {
        var options = new KuramotoSivashinskyOptions();
        Assert.Equal(22, options.Length);
        Assert.Equal(64, options.GridPoints);
        Assert.Equal(2.5e-4, options.MicroStep);
        Assert.Equal(0.25, options.CoarseStep);
        Assert.Equal(0.01, options.InitialAmplitude);
        Assert.Equal(62, options.ContourPoints);
        Assert.Empty(options.Errors());
        Assert.Equal(1000, options.MicroStepsPerCoarseStep);
    }

    [Fact]
    public void The_paper_micro_step_is_valid()
    {
        var options = new KuramotoSivashinskyOptions { MicroStep = 2.5e-3 };
        Assert.Empty(options.Errors());
        Assert.Equal(100, options.MicroStepsPerCoarseStep);
    }

    public static TheoryData<Action<KuramotoSivashinskyOptions>, string> InvalidOptions() => new()
    {
        { o => o.Length = 0, nameof(KuramotoSivashinskyOptions.Length) },
        { o => o.Length = double.NaN, nameof(KuramotoSivashinskyOptions.Length) },
        { o => o.Length = double.PositiveInfinity, nameof(KuramotoSivashinskyOptions.Length) },
        { o => o.GridPoints = 4, nameof(KuramotoSivashinskyOptions.GridPoints) },
        { o => o.GridPoints = 63, nameof(KuramotoSivashinskyOptions.GridPoints) },
        { o => o.GridPoints = 96, nameof(KuramotoSivashinskyOptions.GridPoints) },
        { o => o.MicroStep = -2.5e-4, nameof(KuramotoSivashinskyOptions.MicroStep) },
        { o => o.CoarseStep = 0, nameof(KuramotoSivashinskyOptions.CoarseStep) },
        { o => o.CoarseStep = 0.2501, nameof(KuramotoSivashinskyOptions.CoarseStep) },
        { o => o.MicroStep = 0.3, nameof(KuramotoSivashinskyOptions.CoarseStep) },
        { o => o.InitialAmplitude = -0.01, nameof(KuramotoSivashinskyOptions.InitialAmplitude) },
        { o => o.ContourPoints = 4, nameof(KuramotoSivashinskyOptions.ContourPoints) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void An_invalid_value_gives_an_error_naming_the_property(Action<KuramotoSivashinskyOptions> spoil, string property)
    {
        var options = new KuramotoSivashinskyOptions();
        spoil(options);
        var errors = options.Errors();
        var error = Assert.Single(errors);
        Assert.Contains(property, error.MemberNames);
        Assert.StartsWith(property, error.ErrorMessage);
        var ex = Assert.Throws<ArgumentException>(() => new KuramotoSivashinsky(options));
        Assert.Contains(property, ex.Message);
    }

    [Fact]
    public void The_multiple_rule_suggests_a_fix()
    {
        var options = new KuramotoSivashinskyOptions { CoarseStep = 0.2501 };
        string message = Assert.Single(options.Errors()).ErrorMessage!;
        Assert.Contains("integer multiple of MicroStep", message);
        Assert.Contains("0.25", message);
    }

    [Fact]
    public void A_ratio_within_1e9_relative_counts_as_a_multiple()
    {
        Assert.Empty(new KuramotoSivashinskyOptions { CoarseStep = 0.25 * (1 + 5e-10) }.Errors());
        Assert.NotEmpty(new KuramotoSivashinskyOptions { CoarseStep = 0.25 * (1 + 5e-9) }.Errors());
    }

    [Fact]
    public void Several_errors_are_all_reported()
    {
        var options = new KuramotoSivashinskyOptions { Length = -1, GridPoints = 100, CoarseStep = 0.2501 };
        var names = options.Errors().SelectMany(e => e.MemberNames).ToHashSet();
        Assert.Contains("Length", names);
        Assert.Contains("GridPoints", names);
        Assert.Contains("CoarseStep", names);
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }
}
