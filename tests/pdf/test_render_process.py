"""Rendering in a child process: the same pixels as rendering here, errors as messages, a
child that dies is replaced."""

from __future__ import annotations

import sys

import pytest

from reader.errors import DocumentError, DocumentErrorCode
from reader.pdf import RenderService, open_pdf


@pytest.fixture
def service():
    service = RenderService()
    yield service
    service.close()


def test_the_child_draws_what_this_process_draws(service, sample_pdf):
    document = open_pdf(sample_pdf)
    assert service.start() and service.running
    here = document.render(1, 1.3)
    there = service.render(document, 1, 1.3)
    assert (there.width, there.height, there.stride) == (here.width, here.height, here.stride)
    assert there.samples == here.samples
    assert service.render_gray(document, 0, 100) == document.render_gray(0, 100)


def test_a_bad_page_is_a_message_and_the_child_goes_on(service, sample_pdf):
    document = open_pdf(sample_pdf)
    with pytest.raises(DocumentError) as caught:
        service.render(document, document.page_count + 3, 1.0)
    assert caught.value.code is DocumentErrorCode.BAD_PAGE
    assert service.running
    assert service.render(document, 0, 0.5).width > 0


def test_protected_documents_render_with_their_password(service, bad_files):
    document = open_pdf(bad_files["encrypted"], "sesame")
    assert service.render(document, 0, 0.5).samples == document.render(0, 0.5).samples


def test_a_dead_child_is_replaced(service, sample_pdf):
    document = open_pdf(sample_pdf)
    service.start()
    first = service._process
    assert first is not None
    first.kill()
    first.wait()
    assert service.render(document, 0, 0.5).width > 0
    assert service.running and service._process is not first


def test_without_a_child_pages_render_here(service, sample_pdf, monkeypatch):
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    document = open_pdf(sample_pdf)
    assert not service.start()
    assert service.render(document, 0, 0.5).samples == document.render(0, 0.5).samples


def test_closing_stops_the_child(sample_pdf):
    service = RenderService()
    service.start()
    process = service._process
    service.close()
    assert process is not None and process.poll() is not None and not service.running
