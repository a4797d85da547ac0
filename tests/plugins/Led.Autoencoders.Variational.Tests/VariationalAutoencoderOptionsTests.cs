using Led.Toolkit.Learning;
using System.Text.Json;
using Led.Abstractions.Systems;

namespace Led.Autoencoders.Variational.Tests;

public class VariationalAutoencoderOptionsTests
{
    private static readonly SystemDescription Line = new(["u"], [64], [22.0], 0.25, true);
    private static readonly SystemDescription Plane = new(["u", "v"], [16, 8], [1.0, 1.0], 0.1, false);

    [Fact]
    public void Defaults_AreAPlainVaeWithAnMlpBackbone_AndValid()
    {
        var options = new VariationalAutoencoderOptions();

        Assert.Equal(1.0, options.Beta);
        Assert.Equal(VariationalBackbone.Mlp, options.Backbone);
        Assert.Equal(Activation.Celu, options.Activation);
        Assert.Empty(options.Errors());
        Assert.Equal(2, options.CheckShapes(Plane, null).Dim);
    }

    [Theory]
    [InlineData(-0.5, "Beta")]
    [InlineData(double.PositiveInfinity, "Beta")]
    [InlineData(double.NaN, "Beta")]
    public void ANegativeOrNonFiniteBetaIsAnErrorNamingIt(double beta, string property)
    {
        var options = new VariationalAutoencoderOptions { Beta = beta };

        var error = Assert.Single(options.Errors());

        Assert.Equal([property], error.MemberNames);
        Assert.StartsWith("Beta must be a finite number >= 0", error.ErrorMessage);
    }

    [Fact]
    public void BadConvolutionSizesAreErrorsWithTheFix()
    {
        var options = new VariationalAutoencoderOptions { Kernel = 4, Channels = [8, 0] };

        var errors = options.Errors();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.MemberNames.Single() == "Kernel" && e.ErrorMessage!.Contains("use e.g. 5"));
        Assert.Contains(errors, e => e.MemberNames.Single() == "Channels" && e.ErrorMessage!.StartsWith("Channels[1] is 0"));
    }

    [Fact]
    public void AConv1dBackboneOnATwoDimensionalGridIsRefusedWithTheFix()
    {
        var options = new VariationalAutoencoderOptions { Backbone = VariationalBackbone.Conv1d };

        var error = Assert.Throws<ArgumentException>(() => options.CheckShapes(Plane, null));

        Assert.Equal("VariationalAutoencoder with backbone conv1d needs a system on a 1-D grid, observable shape [channels, X], but the system's " +
                     "observable shape is [2, 16, 8] (2 spatial dimensions); set backbone to mlp, which flattens any grid.", error.Message);
        Assert.Equal(2, options.CheckShapes(Line, null).Dim);
    }

    [Fact]
    public void TheEnumsBindFromTheirJsonNames()
    {
        var options = JsonSerializer.Deserialize<VariationalAutoencoderOptions>(
            """{ "LatentDim": 4, "Beta": 0.25, "Backbone": "conv1d", "Activation": "tanh" }""")!;

        Assert.Equal((4, 0.25, VariationalBackbone.Conv1d, Activation.Tanh), (options.LatentDim, options.Beta, options.Backbone, options.Activation));
    }
}
