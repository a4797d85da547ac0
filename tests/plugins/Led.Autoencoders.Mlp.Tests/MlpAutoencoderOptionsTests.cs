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
}
