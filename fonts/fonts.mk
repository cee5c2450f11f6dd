# fonts/fonts.mk: the default 8x16 OSD font, converted at build time from a Debian
# console font (package console-setup-linux; see fonts/README.md) by our own psf2kvm.
#
#   $(FONT_C)    build/fonts/default_font.c  const unsigned char kvmosd_default_font[4096]
#   $(FONT_BIN)  build/fonts/default.font    the raw 4096 bytes (CP437 order, 16 bytes/glyph)
#   $(FONT_HEX)  build/fonts/default_font.hex one byte per line, for $readmemh
#   $(FONT_PNG)  build/fonts/default.png     16x16 preview sheet
# The declaration is in fonts/kvmosd_font.h (add -Ifonts).

PSF2KVM        := $(B)/tools/psf2kvm
CONSOLEFONTS   ?= /usr/share/consolefonts
# Primary font, then a fallback from the same VGA family for the CP437 symbols
# (smileys, card suits, half blocks) that the Uni2 set leaves out.
FONT_SRC       := $(CONSOLEFONTS)/Uni2-VGA16.psf.gz
FONT_FALLBACK  := $(CONSOLEFONTS)/FullGreek-VGA16.psf.gz
FONT_C         := $(B)/fonts/default_font.c
FONT_BIN       := $(B)/fonts/default.font
FONT_HEX       := $(B)/fonts/default_font.hex
FONT_PNG       := $(B)/fonts/default.png
FONT_INC       := fonts

.PHONY: font
font: $(FONT_C) $(FONT_BIN) $(FONT_HEX) $(FONT_PNG)
all: font

$(PSF2KVM): fonts/psf2kvm.c
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) $$(pkg-config --cflags libpng) $< -o $@ \
		$$(pkg-config --libs libpng zlib)

$(FONT_SRC) $(FONT_FALLBACK):
	@echo "fonts: $@ is missing; run 'make deps' (package console-setup-linux)" >&2; exit 1

$(FONT_C) $(FONT_BIN) $(FONT_HEX) $(FONT_PNG) &: $(PSF2KVM) $(FONT_SRC) $(FONT_FALLBACK)
	@mkdir -p $(B)/fonts
	$(PSF2KVM) --max-missing-box 0 --c $(FONT_C) --bin $(FONT_BIN) --hex $(FONT_HEX) \
		--png $(FONT_PNG) $(FONT_SRC) $(FONT_FALLBACK)

TESTS += font-glyphs font-errors font-coverage
.PHONY: test-font-glyphs test-font-errors test-font-coverage
test-font-glyphs: $(PSF2KVM) $(FONT_BIN)
	python3 fonts/test_font.py glyphs $(PSF2KVM) $(FONT_BIN) $(FONT_SRC) $(B)/fonts/test
test-font-errors: $(PSF2KVM)
	python3 fonts/test_font.py errors $(PSF2KVM) $(FONT_SRC) $(CONSOLEFONTS) $(B)/fonts/test
test-font-coverage: $(PSF2KVM)
	python3 fonts/test_font.py coverage $(PSF2KVM) $(FONT_SRC) $(FONT_FALLBACK) $(B)/fonts/test
