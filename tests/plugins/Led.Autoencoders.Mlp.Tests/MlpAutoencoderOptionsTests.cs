using Led.Toolkit.Learning;
namespace Led.Autoencoders.Mlp.Tests;

public class MlpAutoencoderOptionsTests
{
    [Fact]
    public void Defaults_AreThePaperFhnModel_AndValid()
    {
        var options = new MlpAutoencoderOptions();

        Assert.Equal(2, options.LatentDim);
        Assert.Equal(3, options.Layers);
        Assert.Equal(100, options.Width);
        Assert.Null(options.HiddenWidths);
        Assert.Equal(Activation.Celu, options.Activation);
        Assert.Equal([100, 100, 100], options.EffectiveHiddenWidths);
        Assert.Empty(options.Errors());
    }

    [Theory]
    [InlineData(0, 3, 100, "LatentDim")]
    [InlineData(2, 0, 100, "Layers")]
    [InlineData(2, 65, 100, "Layers")]
    [InlineData(2, 3, 0, "Width")]
    public void OutOfRangeValues_AreErrorsNamingThePropertyAndThePaperValue(int latentDim, int layers, int width, string property)
    {
        var options = new MlpAutoencoderOptions { LatentDim = latentDim, Layers = layers, Width = width };

        var error = Assert.Single(options.Errors());

        Assert.Equal([property], error.MemberNames);
        Assert.StartsWith(property, error.ErrorMessage);
        Assert.Contains("paper's FHN model uses", error.ErrorMessage);
        var thrown = Assert.Throws<ArgumentException>(options.ThrowIfInvalid);
        Assert.Contains(property, thrown.Message);
    }

    [Fact]
    public void HiddenWidths_ReplaceLayersTimesWidth_AndEachMustBeAPositiveWidth()
    {
        Assert.Equal([64, 32], new MlpAutoencoderOptions { HiddenWidths = [64, 32] }.EffectiveHiddenWidths);

        var empty = Assert.Single(new MlpAutoencoderOptions { HiddenWidths = [] }.Errors());
        Assert.Equal([nameof(MlpAutoencoderOptions.HiddenWidths)], empty.MemberNames);
        Assert.Contains("HiddenWidths lists 0 layers", empty.ErrorMessage);

        var zero = Assert.Single(new MlpAutoencoderOptions { HiddenWidths = [64, 0] }.Errors());
        Assert.Contains("HiddenWidths[1] is 0", zero.ErrorMessage);
        Assert.Contains("e.g. [100, 100, 100]", zero.ErrorMessage);
    }

    [Fact]
    public void AnUndefinedActivation_IsAnErrorListingTheChoices()
    {
        var error = Assert.Single(new MlpAutoencoderOptions { Activation = (Activation)42 }.Errors());
        Assert.Equal([nameof(MlpAutoencoderOptions.Activation)], error.MemberNames);
        Assert.Contains("celu, relu, tanh, elu, selu, gelu, silu", error.ErrorMessage);
    }
}
