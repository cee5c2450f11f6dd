# rtl/video/video.mk: the video path (timing, matrix, test pattern, OSD overlay, registers).
# The video matrix and the input meters have their own fragments (tests/matrix/matrix.mk,
# tests/sync/sync.mk) that test them standalone; their files are listed here too because
# those fragments are included after this one.
#   VIDEO_TOP_RTL  video_top and everything under it (matrix included: VID_N > 0)
#   VIDEO_RTL      + vin_meters (the VIDIN meters kvmosd_top instantiates): what the top needs
VIDEO_MX_RTL  := rtl/video/vid_matrix.v rtl/video/vid_matrix_ctl.v rtl/video/vid_matrix_out.v \
                 rtl/video/vid_evt_check.v rtl/video/vid_csync_sep.v rtl/video/vid_clkmux.v rtl/video/vid_clk_gate.v \
                 rtl/video/vid_clk_alive.v rtl/video/vid_gbuf.v rtl/video/vid_fallback.v
VIDEO_VIN_RTL := rtl/video/vin_meters.v rtl/video/vin_engine.v rtl/video/vin_front.v rtl/video/sync_port.v rtl/video/sync_sep.v \
                 rtl/video/sync_meter.v rtl/video/sync_input.v rtl/video/sync_line.v
VIDEO_TOP_RTL := rtl/video/video_top.v rtl/video/video_timing.v rtl/video/test_pattern.v \
             rtl/video/osd_overlay.v rtl/video/osd_fill.v rtl/video/osd_ram_1kx8.v rtl/video/osd_pal_ram.v rtl/video/video_regs.v \
             rtl/video/cfg_snapshot.v rtl/video/video_status.v rtl/video/osd_geom.v \
             rtl/video/vid_raster.v rtl/video/vid_background.v $(VIDEO_MX_RTL)
VIDEO_RTL     := $(VIDEO_TOP_RTL) $(VIDEO_VIN_RTL)
# The meter engine's program, assembled (tools/vin_ucasm.py; committed, test-vin-ucode checks
# it): vin_engine.v includes it, so the rules that build from VIDEO_VIN_RTL depend on it too.
VIN_UCODE_VH  := rtl/video/vin_ucode.vh

-include tests/video/tests.mk
