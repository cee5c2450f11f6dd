# rtl/video/video.mk: the thin video path (timing, test pattern, OSD overlay, registers).
VIDEO_RTL := rtl/video/video_top.v rtl/video/video_timing.v rtl/video/test_pattern.v \
             rtl/video/osd_overlay.v rtl/video/osd_fill.v rtl/video/osd_ram_1kx8.v rtl/video/osd_pal_ram.v rtl/video/video_regs.v \
             rtl/video/cfg_snapshot.v rtl/video/video_status.v

-include tests/video/tests.mk
