/* SPDX-License-Identifier: MIT */
/* vstatus.c - see vstatus.h. */
#include <stdio.h>
#include <string.h>

#include "ui_boot.h"
#include "vstatus.h"

#define UI_HI		14	/* yellow: the selected port, NO SIGNAL */
#define PORT_LEDS(w)	((unsigned int)(w) & 7u)
#define PORT_MS_ID(w)	(((w) >> 12) & 7u)
#define SNAP_TRIES	3	/* re-reads when a snapshot lands in the middle of a read */
#define POPUP_MAX	4095u
#define CELL_W		8
#define CELL_H		16

_Static_assert(VSTATUS_PORTS_MAX == PROTO_PORTS_MAX, "port counts differ");

static void vs_log(const struct vstatus *vs, const char *msg)
{
	if (vs->ops.log)
		vs->ops.log(vs->ops.ctx, msg);
}

void vstatus_decode(const struct vidin_regs *r, uint32_t ref_hz, struct vmode_meas *m)
{
	memset(m, 0, sizeof(*m));
	m->ref_hz = ref_hz;
	m->line_x16 = VIDIN_LINE_X16(r->line);
	m->lines_frame = VIDIN_LINES_FRAME(r->lines);
	m->interlaced = (r->flags & VIDIN_FLAG_INTERLACED) ? 1 : 0;
	m->present = (r->flags & VIDIN_FLAG_PRESENT) ? 1 : 0;
	m->stable = (r->flags & VIDIN_FLAG_STABLE) ? 1 : 0;
}

const char *vstatus_name(const struct vstatus *vs, unsigned int port)
{
	if (!vs->ninputs)
		return "";
	if (port >= vs->ninputs)
		return "no video";
	return vs->port[port].name[0] ? vs->port[port].name : "NO SIGNAL";
}

static const struct vmode *internal_mode(void)
{
	size_t i;

	for (i = 0; i < vmode_table_len; i++)
		if (!strcmp(vmode_table[i].name, VSTATUS_INTERNAL_MODE))
			return &vmode_table[i];
	return &vmode_table[0];	/* not reached: the table has it (test_vstatus) */
}

/* ---- geometry ---- */

void vstatus_place(const struct vmode_result *r, const struct vmode_meas *m, int cols,
		   int rows, struct vstatus_geom *g)
{
	struct vmode_result internal = { VMODE_KNOWN, internal_mode(), 0, 0 };
	unsigned int w, h, s, il = 0;
	int wpx, hpx;

	if (r && r->state == VMODE_UNKNOWN && m && m->lines_frame) {
		/* no table entry: the measured lines less ~6 % blanking, 4:3 */
		h = m->lines_frame - m->lines_frame / 16u;
		il = m->interlaced;
		if (il)
			h /= 2;
		w = h * 4u / 3u;
		s = vmode_osd_scale(r, m);
	} else {
		if (!r || r->state != VMODE_KNOWN)
			r = &internal;
		w = r->mode->hact;
		h = r->mode->vact;
		il = r->mode->interlaced;
		if (il)
			h /= 2;	/* the overlay counts the lines of one field */
		s = vmode_osd_scale(r, m);
	}
	if (il)
		s = s / 2 ? s / 2 : 1;
	while (s > 1 && ((unsigned int)cols * CELL_W * s > w || (unsigned int)rows * CELL_H * s > h))
		s--;
	wpx = cols * CELL_W * (int)s;
	hpx = rows * CELL_H * (int)s;
	g->scale = s;
	g->pic_w = w;
	g->pic_h = h;
	g->x = (int)w > wpx ? ((int)w - wpx) / 2 : 0;
	g->y = (int)h > hpx ? ((int)h - hpx) / 2 : 0;
}

/* The mode the next window appears on: the selected input's if it has a picture. */
static void target_mode(const struct vstatus *vs, const struct vmode_result **r,
			const struct vmode_meas **m)
{
	const struct vstatus_port *p;

	*r = NULL;
	*m = NULL;
	if (vs->nosignal || vs->selected >= vs->ninputs)
		return;
	p = &vs->port[vs->selected];
	if (p->res.state == VMODE_KNOWN || p->res.state == VMODE_UNKNOWN) {
		*r = &p->res;
		*m = &p->meas;
	}
}

static unsigned int banner_frames(const struct vstatus *vs)
{
	const struct vmode_result *r;
	const struct vmode_meas *m;
	uint32_t mhz = 60000u, f;

	target_mode(vs, &r, &m);
	if (r && r->vfreq_mhz)
		mhz = r->vfreq_mhz;
	f = (uint32_t)(((uint64_t)mhz * VSTATUS_BANNER_MS + 500000u) / 1000000u);
	return f < 1 ? 1 : f > POPUP_MAX ? POPUP_MAX : (unsigned int)f;
}

/* ---- drawing ---- */

static int page_cols(const struct vstatus *vs)
{
	return vs->nkvm ? VSTATUS_PAGE_COLS_KVM : VSTATUS_PAGE_COLS;
}

static void draw_port_lines(const struct vstatus *vs, const struct osd_surface *s, int row)
{
	uint8_t attr = osd_attr(UI_FG, UI_BG), hi = osd_attr(UI_HI, UI_BG);
	char line[64];
	unsigned int i;
	int n;

	for (i = 0; i < vs->nports; i++) {
		n = snprintf(line, sizeof(line), "%c %u  PC %u  %-22.22s", i == vs->selected ? '>' : ' ',
			     i + 1, i + 1, vstatus_name(vs, i));
		if (i < vs->nkvm && vs->ops.port_word && n > 0 && (size_t)n < sizeof(line)) {
			uint32_t w = vs->ops.port_word(vs->ops.ctx, i);
			unsigned int leds = PORT_LEDS(w);

			snprintf(line + n, sizeof(line) - (size_t)n, " %c%c%c mouse %u",
				 leds & 2 ? 'N' : '-', leds & 4 ? 'C' : '-', leds & 1 ? 'S' : '-',
				 (unsigned int)PORT_MS_ID(w));
		}
		osd_draw_text(s, 2, row + (int)i, line, i == vs->selected ? hi : attr);
	}
}

void vstatus_draw_page(const struct vstatus *vs, const struct osd_surface *s, int *cols,
		       int *rows)
{
	uint8_t attr = osd_attr(UI_FG, UI_BG);
	int w = page_cols(vs), h = (int)vs->nports + 4;
	char line[40];

	osd_draw_fill(s, 0, 0, w, h, osd_cell(' ', attr));
	osd_draw_box(s, 0, 0, w, h, &osd_box_double, attr);
	osd_draw_text_centered(s, 1, 1, w - 2, "Ports", attr);
	draw_port_lines(vs, s, 2);
	snprintf(line, sizeof(line), "1-%u: switch  Esc: close", vs->nports);
	osd_draw_text_centered(s, 1, h - 2, w - 2, line, attr);
	*cols = w;
	*rows = h;
}

void vstatus_draw_banner(const struct vstatus *vs, const struct osd_surface *s, unsigned int port,
			 int *cols, int *rows)
{
	char text[40];
	const char *lines[1] = { text };
	const char *name = vstatus_name(vs, port);
	int n, w;

	n = snprintf(text, sizeof(text), name[0] ? "Port %u  %s" : "Port %u", port + 1, name);
	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof(text))
		n = (int)sizeof(text) - 1;
	w = n + 4 > VSTATUS_BANNER_MIN_COLS ? n + 4 : VSTATUS_BANNER_MIN_COLS;
	osd_draw_panel(s, 0, 0, w, VSTATUS_BANNER_ROWS, &osd_box_double, osd_attr(UI_FG, UI_BG),
		       lines, 1);
	*cols = w;
	*rows = VSTATUS_BANNER_ROWS;
}

void vstatus_draw_nosignal(const struct vstatus *vs, const struct osd_surface *s, int *cols,
			   int *rows)
{
	uint8_t attr = osd_attr(UI_FG, UI_BG);
	int w = page_cols(vs), h = (int)vs->nports + 5, i;
	char line[40];

	osd_draw_fill(s, 0, 0, w, h, osd_cell(' ', attr));
	osd_draw_box(s, 0, 0, w, h, &osd_box_double, attr);
	osd_draw_text_centered(s, 1, 1, w - 2, "NO SIGNAL", osd_attr(UI_HI, UI_BG));
	snprintf(line, sizeof(line), "Port %u  PC %u", vs->selected + 1, vs->selected + 1);
	osd_draw_text_centered(s, 1, 2, w - 2, line, attr);
	/* separator: double frame, single line inside */
	osd_draw_put(s, 0, 3, osd_cell(0xC7, attr));
	for (i = 1; i < w - 1; i++)
		osd_draw_put(s, i, 3, osd_cell(0xC4, attr));
	osd_draw_put(s, w - 1, 3, osd_cell(0xB6, attr));
	draw_port_lines(vs, s, 4);
	*cols = w;
	*rows = h;
}

/* ---- screens ---- */

static int pick_screen(const struct vstatus *vs)
{
	if (vs->page_open && vs->nports)
		return VSTATUS_PAGE;
	if (vs->banner)
		return VSTATUS_BANNER;
	if (vs->nosignal)
		return VSTATUS_NOSIGNAL;
	if (!vs->ninputs || vs->selected >= vs->ninputs)
		return VSTATUS_BOOT;	/* the internal picture: the start-up box, as before */
	return VSTATUS_OFF;
}

static void render(struct vstatus *vs)
{
	const struct osd_surface *s = &vs->ops.surf;
	const struct vmode_result *r;
	const struct vmode_meas *m;
	int scr = pick_screen(vs), cols = 0, rows = 0;

	if (scr == VSTATUS_BANNER && vs->screen == VSTATUS_BANNER)
		return;		/* running: the popup timer ends it */
	if (vs->screen == VSTATUS_BANNER)
		vs->ops.popup(vs->ops.ctx, 0);
	switch (scr) {
	case VSTATUS_PAGE:
		vstatus_draw_page(vs, s, &cols, &rows);
		break;
	case VSTATUS_BANNER:
		vstatus_draw_banner(vs, s, vs->selected, &cols, &rows);
		break;
	case VSTATUS_NOSIGNAL:
		vstatus_draw_nosignal(vs, s, &cols, &rows);
		break;
	case VSTATUS_BOOT:
		ui_draw_boot(s, vs->version, "OSD ready");
		cols = UI_BOOT_COLS;
		rows = UI_BOOT_ROWS;
		break;
	default:
		break;
	}
	if (scr == VSTATUS_BOOT) {
		/* where it always was (make demo) */
		memset(&vs->geom, 0, sizeof(vs->geom));
		vs->geom.scale = 1;
		vs->geom.x = UI_BOOT_X;
		vs->geom.y = UI_BOOT_Y;
	} else {
		target_mode(vs, &r, &m);
		vstatus_place(r, m, cols, rows, &vs->geom);
	}
	vs->ops.window(vs->ops.ctx, vs->geom.scale, vs->geom.x, vs->geom.y, cols, rows);
	if (scr == VSTATUS_BANNER)
		vs->ops.popup(vs->ops.ctx, banner_frames(vs));
	vs->screen = (uint8_t)scr;
	vs->cols = cols;
	vs->rows = rows;
}

/* ---- meters and matrix ---- */

static void read_ports(struct vstatus *vs)
{
	uint32_t before, after = vs->ops.snaps(vs->ops.ctx);
	unsigned int i, tries = SNAP_TRIES;

	do {
		before = after;
		for (i = 0; i < vs->ninputs; i++)
			vs->ops.read_port(vs->ops.ctx, i, &vs->port[i].regs);
		after = vs->ops.snaps(vs->ops.ctx);
	} while (after != before && --tries);
	vs->snaps = after;
}

/* Returns 1 if some port's name changed. */
static int name_ports(struct vstatus *vs)
{
	char name[VSTATUS_NAME_LEN], msg[64];
	unsigned int i;
	int changed = 0;

	for (i = 0; i < vs->ninputs; i++) {
		struct vstatus_port *p = &vs->port[i];

		vstatus_decode(&p->regs, vs->ref_hz, &p->meas);
		p->res = vmode_identify(&p->meas);
		vmode_format(&p->res, name, sizeof(name));
		if (!strcmp(name, p->name))
			continue;
		memcpy(p->name, name, sizeof(name));
		snprintf(msg, sizeof(msg), "video: port %u %s", i + 1, name);
		vs_log(vs, msg);
		changed = 1;
	}
	return changed;
}

void vstatus_poll(struct vstatus *vs)
{
	char msg[48];
	unsigned int shown;
	uint32_t m;
	int changed = 0, nosig;

	if (!vs->ninputs)
		return;
	if (!vs->polled || vs->ops.snaps(vs->ops.ctx) != vs->snaps) {
		read_ports(vs);
		changed = name_ports(vs);
	}
	vs->polled = 1;
	m = vs->ops.matrix(vs->ops.ctx);
	vs->matrix = m;
	if (!(m & VSTATUS_MATRIX_SWITCHING)) {
		shown = VSTATUS_MATRIX_SRC(m);
		if (shown >= vs->ninputs)
			shown = VSTATUS_MATRIX_INTERNAL;
		if (shown != vs->shown) {
			vs->shown = shown;
			changed = 1;
		}
		nosig = vs->selected < vs->ninputs && shown == VSTATUS_MATRIX_INTERNAL;
		if (nosig != vs->nosignal) {
			vs->nosignal = (uint8_t)nosig;
			vs->ops.set_pattern(vs->ops.ctx, nosig ? VSTATUS_PATTERN_NOSIG :
					    VSTATUS_PATTERN_NORMAL);
			snprintf(msg, sizeof(msg), nosig ? "video: no signal on port %u" :
				 "video: port %u shown", vs->selected + 1);
			vs_log(vs, msg);
			changed = 1;
		}
	}
	if (changed)
		render(vs);
}

void vstatus_init(struct vstatus *vs, const struct vstatus_ops *ops, unsigned int ninputs,
		  uint32_t ref_hz, unsigned int nkvm, unsigned int selected, const char *version)
{
	char msg[64];

	memset(vs, 0, sizeof(*vs));
	vs->ops = *ops;
	vs->version = version;
	vs->ninputs = ninputs > VSTATUS_PORTS_MAX ? VSTATUS_PORTS_MAX : ninputs;
	vs->nkvm = nkvm > VSTATUS_PORTS_MAX ? VSTATUS_PORTS_MAX : nkvm;
	vs->nports = vs->ninputs > vs->nkvm ? vs->ninputs : vs->nkvm;
	vs->ref_hz = ref_hz;
	vs->selected = selected < vs->nports ? selected : 0;
	vs->shown = VSTATUS_MATRIX_INTERNAL;
	vs->screen = VSTATUS_OFF;
	if (vs->ninputs) {
		snprintf(msg, sizeof(msg), "video: %u inputs, reference %lu Hz", vs->ninputs,
			 (unsigned long)ref_hz);
		vs_log(vs, msg);
		vs->ops.set_source(vs->ops.ctx, vs->selected);
	} else {
		vs_log(vs, "video: no video inputs");
	}
	render(vs);
	vstatus_poll(vs);
}

void vstatus_step(struct vstatus *vs, uint32_t now)
{
	if (vs->screen == VSTATUS_BANNER && !vs->ops.popup_left(vs->ops.ctx)) {
		vs->banner = 0;	/* the hardware has turned the OSD off */
		vs->screen = VSTATUS_OFF;
		render(vs);
	}
	if (!vs->ninputs || (int32_t)(now - vs->next_poll) < 0)
		return;
	vs->next_poll = now + VSTATUS_POLL_MS;
	vstatus_poll(vs);
}

void vstatus_select(struct vstatus *vs, unsigned int port)
{
	if (port >= vs->nports)
		return;
	vs->selected = port;
	if (vs->ninputs)
		vs->ops.set_source(vs->ops.ctx, port);	/* >= N: the internal picture */
	if (vs->nosignal && port >= vs->ninputs) {
		vs->nosignal = 0;
		vs->ops.set_pattern(vs->ops.ctx, VSTATUS_PATTERN_NORMAL);
	}
	vs->banner = 1;
	if (vs->screen == VSTATUS_BANNER)
		vs->screen = VSTATUS_OFF;	/* a new banner: draw it and restart the timer */
	render(vs);
}

void vstatus_page(struct vstatus *vs, int open)
{
	vs->page_open = open ? 1 : 0;
	if (open)
		vs->banner = 0;
	render(vs);
}

uint8_t vstatus_port_video(const struct vstatus *vs, const uint8_t *in, uint16_t len,
			   uint8_t *out, uint16_t *out_len)
{
	struct proto_port_video pv;
	const struct vstatus_port *p;

	*out_len = 0;
	if (len != 1)
		return PROTO_ERR_BAD_LENGTH;
	if (in[0] >= vs->ninputs)
		return PROTO_ERR_BAD_ARG;
	p = &vs->port[in[0]];
	memset(&pv, 0, sizeof(pv));
	pv.port = in[0];
	pv.nports = (uint8_t)vs->ninputs;
	pv.source = vs->shown < vs->ninputs ? (uint8_t)vs->shown : PROTO_VIDEO_INTERNAL;
	pv.flags = p->regs.flags;
	pv.line_x16 = p->meas.line_x16;
	pv.lines = p->regs.lines;
	pv.hfreq_hz = p->res.hfreq_hz;
	pv.vfreq_mhz = p->res.vfreq_mhz;
	strncpy(pv.mode, vstatus_name(vs, in[0]), sizeof(pv.mode) - 1);
	*out_len = (uint16_t)proto_port_video_pack(&pv, out);
	return PROTO_OK;
}
