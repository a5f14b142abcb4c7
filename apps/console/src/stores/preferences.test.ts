import { describe, expect, it } from 'vitest'
import { emptyOperations, inDocument, mountConsole, signedInAs, stubServer } from '../../test/unit/harness'
import { eventually } from '../../test/unit/eventually'

describe('language switch', () => {
  it('starts in Chinese and switches our texts and Element Plus to English, remembering the choice', async () => {
    stubServer({ ...signedInAs('viewer'), ...emptyOperations })
    const { wrapper } = await mountConsole('/operations')

    await eventually(() => expect(wrapper.find('.el-table__empty-text').text()).toBe('暂无数据'))
    expect(wrapper.get('.side-menu').text()).toContain('操作记录')
    expect(document.documentElement.lang).toBe('zh-CN')

    await wrapper.get('.language-switch').trigger('click')
    await eventually(() => inDocument('[data-locale="en"]'))
    await inDocument('[data-locale="en"]').trigger('click')

    await eventually(() => expect(wrapper.get('.side-menu').text()).toContain('Operation records'))
    expect(wrapper.get('.side-menu').text()).not.toContain('操作记录')
    // Element Plus's own texts come from its locale, switched through ElConfigProvider.
    expect(wrapper.get('.el-table__empty-text').text()).toBe('No Data')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('simops.locale')).toBe('en')
  })
})
