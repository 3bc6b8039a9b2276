// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reads the CPU vendor and family from /proc/cpuinfo text: the strings
 * arch/x86/kernel/cpu/{intel,amd,hygon}.c register as x86_vendor_id, and
 * the decimal family. Only the first processor's block is read (the
 * kernel's vendor code runs on the boot CPU; all CPUs agree).
 */
#include <stdio.h>
#include <string.h>

#include "arch/topology_cpuinfo.h"

static const struct {
	const char *id;
	enum nc_cpu_vendor vendor;
} vendors[] = {
	{ "GenuineIntel", NC_VENDOR_INTEL },
	{ "AuthenticAMD", NC_VENDOR_AMD },
	{ "HygonGenuine", NC_VENDOR_HYGON },
};

#define MAX_FAMILY 0xfff   /* base family 0xf plus an 8-bit extended family */

/* Does the line [p, end) say "KEY<tabs or spaces>: "? Returns the value. */
static const char *value_of(const char *p, const char *end, const char *key)
{
	size_t n = strlen(key);

	if ((size_t)(end - p) < n || memcmp(p, key, n))
		return NULL;
	for (p += n; p < end && (*p == '\t' || *p == ' '); p++)
		;
	if (p >= end || *p != ':')
		return NULL;
	p++;
	return p < end && *p == ' ' ? p + 1 : p;
}

void nc_topo_cpuinfo(const char *buf, size_t len, enum nc_cpu_vendor *vendor,
		     unsigned int *family)
{
	const char *p = buf, *end = buf + len;

	*vendor = NC_VENDOR_UNKNOWN;
	*family = 0;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p)), *v;

		if (!eol)
			eol = end;
		if (eol == p)             /* the blank line after the first processor */
			break;
		if ((v = value_of(p, eol, "vendor_id"))) {
			for (size_t i = 0; i < sizeof(vendors) / sizeof(vendors[0]); i++)
				if ((size_t)(eol - v) == strlen(vendors[i].id) &&
				    !memcmp(v, vendors[i].id, (size_t)(eol - v)))
					*vendor = vendors[i].vendor;
		} else if ((v = value_of(p, eol, "cpu family"))) {
			unsigned int f = 0;

			for (; v < eol && *v >= '0' && *v <= '9' && f <= MAX_FAMILY; v++)
				f = f * 10 + (unsigned int)(*v - '0');
			*family = v == eol && f <= MAX_FAMILY ? f : 0;
		}
		p = eol + 1;
	}
}

void nc_topo_cpuinfo_file(struct nc_topology *t, const char *path)
{
	/* the first processor's block is at the start: a few KiB */
	char buf[16384];
	FILE *f = fopen(path, "r");
	size_t len = f ? fread(buf, 1, sizeof(buf), f) : 0;

	if (f)
		fclose(f);
	nc_topo_cpuinfo(buf, len, &t->vendor, &t->x86_family);
}
