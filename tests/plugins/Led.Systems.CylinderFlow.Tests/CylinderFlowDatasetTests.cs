using Led.Abstractions.Systems;

namespace Led.Systems.CylinderFlow.Tests;

public class CylinderFlowDatasetTests
{
    [Fact]
    public void The_system_describes_its_data_with_Re_geometry_and_the_body_mask()
    {
        var system = new CylinderFlow(new CylinderFlowOptions { Nx = 128, Ny = 64, Reynolds = 250 });
        var metadata = Assert.IsAssignableFrom<IDatasetMetadata>(system);

        Assert.Equal(250, metadata.Attributes["reynolds"]);
        Assert.Equal((2.5, 2.5, 1.0), (metadata.Attributes["cylinder_x"], metadata.Attributes["cylinder_y"], metadata.Attributes["diameter"]));
        Assert.Equal(5.0 / 64, metadata.Attributes["cell_size"]);
        Assert.Equal(system.Setup.TimeStep, metadata.Attributes["micro_time_step"]);
        var mask = Assert.Single(metadata.Fields, f => f.Key == "mask").Value;
        Assert.Equal(64 * 128, mask.Length);
        Assert.Equal(system.Mask(), mask);
        // Σχ·h² is the disk's area π/4 to within the sampling of the mollified edge (0.988 of it on this grid).
        double h = 5.0 / 64;
        Assert.InRange(mask.Sum() * h * h / (Math.PI / 4), 0.98, 1.02);
        Assert.Equal(1.0, mask[32 * 128 + 32]);
        Assert.Equal(0.0, mask[0]);
    }

    [Fact]
    public void The_simulation_reports_the_solvers_force_coefficients_and_the_wake_probe_as_series()
    {
        var system = new CylinderFlow(new CylinderFlowOptions { Nx = 128, Ny = 64 });
        using var simulation = system.Start(2);
        simulation.Advance(1.0);
        var series = Assert.IsAssignableFrom<IScalarSeries>(simulation);
        var values = new double[3];

        series.ObserveSeries(values);

        Assert.Equal(["drag_coefficient", "lift_coefficient", "wake_probe_v"], series.SeriesNames);
        Assert.Equal([simulation.DragCoefficient, simulation.LiftCoefficient, simulation.WakeProbe], values);
        Assert.True(values[0] > 0.5, $"C_d {values[0]} after the impulsive start");
    }
}
